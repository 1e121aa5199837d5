package org.herdbook.ballots.manifest.entity;

import com.nimbusds.jose.jwk.JWK;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything about a ballot that is fixed when it opens; its canonical hash goes into every vote,
 * so that a vote is for exactly this question, these options and this counting method.
 *
 * <p>Immutable. Times are whole seconds (anything finer is dropped), so that the manifest's JSON
 * and hash do not depend on a clock's precision.
 *
 * @param ballot the ballot's URI, which votes name as their audience ({@code aud}); not null
 * @param mode open (signed choices) or, later, secret; not null
 * @param proposal the question, in both languages; not null
 * @param options the options in the order they are shown; ids unique; for yes/no/abstain exactly
 *     {@code yes}, {@code no}, {@code abstain}; otherwise at least two
 * @param method how ballots are counted; not null
 * @param opens the first instant a vote is accepted; not null
 * @param closes the first instant a vote is no longer accepted; after {@code opens}
 * @param recordDate the date whose membership standing decides the voter roll; not null
 * @param roll the frozen voter roll's size and hash; not null
 * @param serverKey the public key (JWK, Ed25519 or P-256) that signs receipts, tree heads and the
 *     result; not null and without private parts
 */
public record BallotManifest(
        URI ballot,
        BallotMode mode,
        Proposal proposal,
        List<BallotOption> options,
        CountingMethod method,
        Instant opens,
        Instant closes,
        LocalDate recordDate,
        RollDigest roll,
        JWK serverKey) {

    /** The three option ids a yes/no/abstain ballot must have, in this order. */
    public static final List<String> YES_NO_ABSTAIN_IDS = List.of("yes", "no", "abstain");

    public BallotManifest {
        Objects.requireNonNull(ballot, "ballot must not be null");
        Objects.requireNonNull(mode, "mode must not be null");
        Objects.requireNonNull(proposal, "proposal must not be null");
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(recordDate, "recordDate must not be null");
        Objects.requireNonNull(roll, "roll must not be null");
        Objects.requireNonNull(serverKey, "serverKey must not be null");
        options = List.copyOf(Objects.requireNonNull(options, "options must not be null"));
        opens = Objects.requireNonNull(opens, "opens must not be null").truncatedTo(ChronoUnit.SECONDS);
        closes = Objects.requireNonNull(closes, "closes must not be null").truncatedTo(ChronoUnit.SECONDS);
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("A ballot closes after it opens");
        }
        if (serverKey.isPrivate()) {
            throw new IllegalArgumentException("The manifest publishes the server's public key only");
        }
        Set<String> ids = new HashSet<>();
        for (BallotOption option : options) {
            if (!ids.add(option.id())) {
                throw new IllegalArgumentException("Duplicate option id: " + option.id());
            }
        }
        if (method instanceof CountingMethod.YesNoAbstain) {
            if (!options.stream().map(BallotOption::id).toList().equals(YES_NO_ABSTAIN_IDS)) {
                throw new IllegalArgumentException("A yes/no/abstain ballot has the options yes, no, abstain");
            }
        } else if (options.size() < 2) {
            throw new IllegalArgumentException("A ballot needs at least two options");
        }
        if (method instanceof CountingMethod.Approval approval && approval.winners() >= options.size()) {
            throw new IllegalArgumentException("Fewer winners than options");
        }
        if (method instanceof CountingMethod.SingleTransferableVote stv && stv.seats() >= options.size()) {
            throw new IllegalArgumentException("Fewer seats than candidates");
        }
    }

    /**
     * @param id an option id
     * @return the option with that id, if the ballot has one
     */
    public Optional<BallotOption> option(String id) {
        return options.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** @return the option ids in ballot order */
    public List<String> optionIds() {
        return options.stream().map(BallotOption::id).toList();
    }
}
