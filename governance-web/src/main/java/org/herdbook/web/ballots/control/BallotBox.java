package org.herdbook.web.ballots.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.ballots.audit.control.AuditBundleBuilder;
import org.herdbook.ballots.audit.control.InclusionProofs;
import org.herdbook.ballots.audit.entity.AuditBundle;
import org.herdbook.ballots.audit.entity.InclusionProof;
import org.herdbook.ballots.casting.control.BallotVerifier;
import org.herdbook.ballots.casting.entity.BallotRejectedException;
import org.herdbook.ballots.casting.entity.Rejection;
import org.herdbook.ballots.casting.entity.VerifiedBallot;
import org.herdbook.ballots.keys.control.KeyPolicy;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.log.control.LogSignatures;
import org.herdbook.ballots.log.control.MerkleTreeHash;
import org.herdbook.ballots.log.entity.BallotReceipt;
import org.herdbook.ballots.log.entity.SignedTreeHead;
import org.herdbook.ballots.manifest.control.CanonicalJson;
import org.herdbook.ballots.manifest.control.ManifestCodec;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.BallotMode;
import org.herdbook.ballots.manifest.entity.BallotOption;
import org.herdbook.ballots.manifest.entity.CountingMethod;
import org.herdbook.ballots.manifest.entity.Proposal;
import org.herdbook.ballots.manifest.entity.RollDigest;
import org.herdbook.ballots.records.control.BallotRecords;
import org.herdbook.ballots.records.entity.RollPlace;
import org.herdbook.ballots.records.entity.StoredBallot;
import org.herdbook.ballots.records.entity.StoredResult;
import org.herdbook.ballots.roll.control.RollFreezer;
import org.herdbook.ballots.roll.entity.FrozenRoll;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.mail.control.Letters;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.signing.control.FoundationKey;

/**
 * Ballots from draft to result: drafts, opening (roll frozen, manifest fixed), key registration,
 * casting, closing and the audit bundle. Transactions are the caller's (the REST boundary, the
 * closing job, the motion service); every refusal is an unchecked exception, so nothing is stored.
 */
@ApplicationScoped
public class BallotBox {

    private static final Logger LOG = Logger.getLogger(BallotBox.class.getName());
    /** Key of the advisory lock one server takes to close due ballots. */
    private static final long CLOSING_LOCK = 0x4842_616c_6c6f_7473L;

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;
    @Inject
    FoundationKey foundationKey;
    @Inject
    Memberships memberships;
    @Inject
    Letters letters;
    @Inject
    BallotAppender appender;
    @Inject
    OpenedBallots opened;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;
    @Inject
    Event<BallotCounted> counted;
    @Inject
    @ConfigProperty(name = "herdbook.base-url", defaultValue = "http://localhost:9080")
    String baseUrl;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private BallotRecords records;
    private BallotVerifier verifier;

    @PostConstruct
    void wire() {
        records = new BallotRecords(dataSource);
        // jti and seq are checked by the appender, in order, under the ballot's lock.
        verifier = new BallotVerifier(opened, opened);
    }

    /** What a board or secretary asks for: the ballot as it will open, without its roll. */
    public record Definition(Proposal proposal, List<BallotOption> options, CountingMethod method, Instant opens,
            Instant closes, LocalDate recordDate) {
    }

    /**
     * Stores a proposal and its ballot, not yet open.
     *
     * @return the new ballot's id
     */
    public UUID draft(Definition definition, UUID actor) {
        UUID ballotId = UUID.randomUUID();
        BallotManifest draft;
        try {
            draft = new BallotManifest(uri(ballotId), BallotMode.OPEN, definition.proposal(), definition.options(),
                    definition.method(), definition.opens(), definition.closes(), definition.recordDate(),
                    new RollDigest(0, Base64URL.encode(MerkleTreeHash.emptyTreeHash()).toString()),
                    foundationKey.current().publicJwk());
        } catch (IllegalArgumentException e) {
            throw new Refusal("ballot-invalid", Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (!draft.closes().isAfter(clock.instant())) {
            throw new Refusal("ballot-closes-in-past", Response.Status.BAD_REQUEST);
        }
        records.insertDraft(draft, ballotId, UUID.randomUUID(), actor.toString());
        return ballotId;
    }

    /**
     * Opens a draft: freezes the voter roll from the eligibility rule on the record date and fixes
     * the manifest with the foundation's current key.
     */
    public StoredBallot open(UUID ballotId, UUID actor) {
        StoredBallot ballot = records.lock(ballotId).orElseThrow(() -> unknown(ballotId));
        if (ballot.state() != StoredBallot.State.DRAFT) {
            throw new Refusal("ballot-not-draft", Response.Status.CONFLICT);
        }
        Instant now = clock.instant();
        if (!ballot.closes().isAfter(now)) {
            throw new Refusal("ballot-closes-in-past", Response.Status.CONFLICT);
        }
        if (ballot.recordDate().isAfter(memberships.foundation().today())) {
            throw new Refusal("ballot-record-date-future", Response.Status.CONFLICT);
        }
        BallotManifest draft = manifestOf(ballot);
        List<String> eligible = memberships.eligibleOn(ballot.recordDate()).stream().map(UUID::toString).toList();
        FrozenRoll roll = RollFreezer.freeze(ballot.uri(), eligible, random);
        ServerKey key = foundationKey.current();
        BallotManifest manifest = new BallotManifest(draft.ballot(), draft.mode(), draft.proposal(), draft.options(),
                draft.method(), draft.opens(), draft.closes(), draft.recordDate(), roll.digest(), key.publicJwk());
        records.open(ballotId, manifest, CanonicalJson.write(ManifestCodec.toJson(manifest)), roll, actor.toString(),
                now);
        LOG.info(() -> "Ballot " + ballotId + " opened with a roll of " + roll.digest().size() + " members.");
        return records.find(ballotId).orElseThrow();
    }

    /** @return every ballot, newest first */
    public List<StoredBallot> all() {
        return records.all();
    }

    /** @return the ballot; refused as not found if there is none */
    public StoredBallot ballot(UUID ballotId) {
        return records.find(ballotId).orElseThrow(() -> unknown(ballotId));
    }

    /** @return the ballot's manifest (a draft's, with its roll still empty) */
    public BallotManifest manifestOf(StoredBallot ballot) {
        try {
            return ManifestCodec.fromJson(JSONObjectUtils.parse(ballot.manifestJson()));
        } catch (ParseException e) {
            throw new IllegalStateException("Stored manifest of " + ballot.id() + " does not parse", e);
        }
    }

    /** A member's proof of being on a frozen roll. */
    public record RollCheck(boolean onRoll, String memberId, String salt, Integer index, List<String> auditPath,
            long rollSize, String rootHash) {
    }

    /** @return whether the member is on the ballot's roll, with what they need to check it */
    public RollCheck rollCheck(UUID ballotId, UUID member) {
        StoredBallot ballot = ballot(ballotId);
        if (ballot.state() == StoredBallot.State.DRAFT) {
            throw new Refusal("ballot-not-open", Response.Status.CONFLICT);
        }
        RollDigest digest = manifestOf(ballot).roll();
        Optional<RollPlace> place = records.rollPlace(ballotId, member.toString());
        if (place.isEmpty()) {
            return new RollCheck(false, member.toString(), null, null, List.of(), digest.size(), digest.rootHash());
        }
        List<String> path = MerkleTreeHash.inclusionProof(records.rollCommitments(ballotId), place.get().position())
                .stream().map(h -> Base64URL.encode(h).toString()).toList();
        return new RollCheck(true, member.toString(), place.get().salt(), place.get().position(), path, digest.size(),
                digest.rootHash());
    }

    /** @return the key the member registered for the ballot, if any */
    public Optional<JWK> keyOf(UUID ballotId, UUID member) {
        return records.keyOf(ballotId, member.toString());
    }

    /**
     * Registers the member's public key for the ballot and e-mails them that it was registered.
     *
     * @return the key's thumbprint, the {@code kid} of the member's votes
     */
    public String registerKey(UUID ballotId, Account member, Map<String, Object> jwkJson) {
        StoredBallot ballot = records.lock(ballotId).orElseThrow(() -> unknown(ballotId));
        if (ballot.state() != StoredBallot.State.OPEN || !ballot.closes().isAfter(clock.instant())) {
            throw new Refusal("ballot-not-open", Response.Status.CONFLICT);
        }
        JWK key;
        try {
            key = JWK.parse(jwkJson == null ? Map.of() : jwkJson);
        } catch (ParseException | RuntimeException e) {
            throw new Refusal("voting-key-invalid", Response.Status.BAD_REQUEST);
        }
        if (KeyPolicy.problemWith(key).isPresent()) {
            throw new Refusal("voting-key-invalid", Response.Status.BAD_REQUEST);
        }
        String voter = member.getId().toString();
        if (records.rollPlace(ballotId, voter).isEmpty()) {
            throw new Refusal("not-on-roll", Response.Status.FORBIDDEN);
        }
        String kid = KeyPolicy.thumbprint(key);
        Optional<JWK> existing = records.keyOf(ballotId, voter);
        if (existing.isPresent()) {
            if (KeyPolicy.thumbprint(existing.get()).equals(kid)) {
                return kid;
            }
            throw new Refusal("voting-key-registered", Response.Status.CONFLICT);
        }
        if (!records.registerKey(ballotId, voter, key, kid, clock.instant())) {
            throw new Refusal("voting-key-registered", Response.Status.CONFLICT);
        }
        letters.post(member, "voting-key", manifestOf(ballot).proposal().title().en(),
                manifestOf(ballot).proposal().title().fr(), kid, baseUrl.replaceAll("/+$", "") + "/ballot.xhtml?id="
                        + ballotId);
        return kid;
    }

    /**
     * Verifies a vote, appends it to the ballot's log and signs a receipt.
     *
     * <p>The signature and claims are checked first, in the caller's thread, so concurrent casts
     * verify in parallel, against the ballot's manifest, keys and roll as {@link OpenedBallots}
     * keeps them (a warm cast reads nothing from the database before its batch). Then the
     * {@link BallotAppender} batches the vote with the other casts of the ballot waiting at that
     * moment: under the ballot's row lock the window is checked again and the {@code jti} and the
     * {@code seq} of each are checked in order, and the accepted ones are appended in
     * one transaction under one signed tree head. The receipt is signed after the commit, outside
     * the lock, on the managed executor. Must be called outside a transaction (the batch has its own).
     *
     * @return the receipt, or a failure with {@link VoteRefused} (nothing stored) once the batch is done
     * @throws VoteRefused at once when the vote itself is refused (malformed, bad signature, unknown
     *     key, not open, ...), nothing stored
     */
    public CompletableFuture<BallotReceipt> castAsync(UUID ballotId, String compact) {
        OpenedBallots.Lookup seen = opened.lookup(ballotId, this::manifestOf);
        if (seen.opened() == null) {
            StoredBallot stored = seen.stored().orElseThrow(() -> unknown(ballotId));
            throw new VoteRefused(stored.state() == StoredBallot.State.DRAFT ? Rejection.NOT_OPEN : Rejection.CLOSED,
                    null);
        }
        VerifiedBallot vote;
        try {
            vote = verifier.verify(seen.opened().manifest(), seen.opened().manifestHash(), compact, clock.instant());
        } catch (BallotRejectedException e) {
            throw new VoteRefused(e.reason(), e);
        }
        return appender.submit(ballotId, vote).thenApplyAsync(outcome -> {
            if (!outcome.appended()) {
                throw new VoteRefused(outcome.refusal(), new BallotRejectedException(outcome.refusal(),
                        outcome.detail()));
            }
            return LogSignatures.signReceipt(outcome.key(), vote.ballotId(), outcome.leafIndex(), outcome.treeHead(),
                    outcome.at());
        }, executor);
    }

    /**
     * Closes every open ballot whose closing time has come. Safe with several servers: one takes
     * the advisory lock and the others skip; each ballot's row lock and state check also make a
     * second closing impossible. Each closing fires {@link BallotCounted} in this transaction, so
     * a motion decided by the ballot is recorded in the same commit (or neither is, and the next
     * run tries again).
     *
     * @return how many ballots were closed
     */
    @Transactional
    public int closeDue() {
        if (!tryClosingLock()) {
            return 0;
        }
        int closed = 0;
        for (UUID id : records.dueForClosing(clock.instant())) {
            StoredBallot ballot = records.lock(id).orElseThrow();
            if (ballot.state() == StoredBallot.State.OPEN && !ballot.closes().isAfter(clock.instant())) {
                close(ballot);
                closed++;
            }
        }
        return closed;
    }

    private void close(StoredBallot ballot) {
        BallotManifest manifest = manifestOf(ballot);
        AuditBundleBuilder builder = new AuditBundleBuilder(manifest);
        records.treeHeads(ballot.id()).forEach(builder::treeHead);
        for (var vote : records.votes(ballot.id())) {
            try {
                builder.ballot(vote.jws(), JWK.parse(vote.publicJwk()));
            } catch (ParseException e) {
                throw new IllegalStateException("A stored key does not parse", e);
            }
        }
        Instant now = clock.instant();
        AuditBundle bundle = builder.close(foundationKey.current(), now);
        String finalHeadJws = bundle.treeHeads().get(bundle.treeHeads().size() - 1);
        SignedTreeHead finalHead = LogSignatures.readTreeHead(finalHeadJws, manifest.serverKey()).orElseThrow();
        String tallyJson = CanonicalJson.write(bundle.tally());
        records.close(ballot.id(), finalHead, new StoredResult(tallyJson, bundle.result(),
                CanonicalJson.write(bundle.toJson()), finalHead.treeSize(), finalHead.rootHash(), now));
        try {
            counted.fire(new BallotCounted(ballot.id(), JSONObjectUtils.parse(tallyJson)));
        } catch (ParseException e) {
            throw new IllegalStateException("A tally just written does not parse", e);
        }
        LOG.info(() -> "Ballot " + ballot.id() + " closed and counted: " + finalHead.treeSize() + " votes in its log.");
    }

    private boolean tryClosingLock() {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, CLOSING_LOCK);
            try (var rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot take the closing lock: " + e.getMessage(), e);
        }
    }

    /** @return the stored result (tally, signed result, bundle), if closed */
    public Optional<StoredResult> result(UUID ballotId) {
        return records.result(ballotId);
    }

    /** @return the tally JSON of a closed ballot, parsed */
    public Optional<Map<String, Object>> tally(UUID ballotId) {
        return records.tally(ballotId).map(json -> {
            try {
                return JSONObjectUtils.parse(json);
            } catch (ParseException e) {
                throw new IllegalStateException("A stored tally does not parse", e);
            }
        });
    }

    /** An inclusion proof with the signed tree head it is checked against. */
    public record Inclusion(InclusionProof proof, String treeHead) {
    }

    /**
     * @return the proof that a ballot id is in the ballot's log, against its latest tree head (the
     *     final one once closed)
     */
    public Inclusion inclusion(UUID ballotId, String voteId) {
        ballot(ballotId);
        Optional<InclusionProof> proof = InclusionProofs.of(records.ballotIds(ballotId)).proof(voteId);
        if (proof.isEmpty()) {
            throw new Refusal("vote-not-in-log", Response.Status.NOT_FOUND);
        }
        String head = records.latestTreeHead(ballotId).map(SignedTreeHead::jws).orElseThrow();
        return new Inclusion(proof.get(), head);
    }

    /** @return the ballot URI of an id: the page where members read it */
    public URI uri(UUID ballotId) {
        return URI.create(baseUrl.replaceAll("/+$", "") + "/ballots/" + ballotId);
    }

    private static Refusal unknown(UUID ballotId) {
        return new Refusal("ballot-unknown", Response.Status.NOT_FOUND);
    }
}
