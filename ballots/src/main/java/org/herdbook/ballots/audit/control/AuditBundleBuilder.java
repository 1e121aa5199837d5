package org.herdbook.ballots.audit.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.herdbook.ballots.audit.entity.AuditBundle;
import org.herdbook.ballots.casting.control.BallotFormat;
import org.herdbook.ballots.casting.entity.BallotRejectedException;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.log.control.LogSignatures;
import org.herdbook.ballots.log.control.MerkleTree;
import org.herdbook.ballots.log.entity.SignedTreeHead;
import org.herdbook.ballots.manifest.control.ManifestCodec;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.Choice;
import org.herdbook.ballots.tally.control.Counting;
import org.herdbook.ballots.tally.control.SignedResults;
import org.herdbook.ballots.tally.entity.TallyResult;

/**
 * Closes a ballot: from the accepted votes in log order and the tree heads already published, it
 * marks superseded revotes, counts, signs the final tree head and the result, and assembles the
 * {@link AuditBundle}. Used once per ballot by the web application after closing time. Not
 * thread-safe; one builder per closing.
 */
public final class AuditBundleBuilder {

    private final BallotManifest manifest;
    private final String manifestHash;
    private final List<String> compacts = new ArrayList<>();
    private final List<JWK> keys = new ArrayList<>();
    private final List<SignedTreeHead> treeHeads = new ArrayList<>();

    /** @param manifest the closed ballot's manifest */
    public AuditBundleBuilder(BallotManifest manifest) {
        this.manifest = Objects.requireNonNull(manifest, "manifest must not be null");
        this.manifestHash = ManifestCodec.hash(manifest);
    }

    /**
     * Adds the next accepted vote of the log.
     *
     * @param compact the vote as received
     * @param publicKey the key it was verified with
     * @return this builder
     */
    public AuditBundleBuilder ballot(String compact, JWK publicKey) {
        compacts.add(Objects.requireNonNull(compact, "compact must not be null"));
        keys.add(Objects.requireNonNull(publicKey, "publicKey must not be null").toPublicJWK());
        return this;
    }

    /**
     * Adds a tree head the server published while the ballot was open (e.g. in receipts).
     *
     * @param treeHead a signed tree head of this ballot's log
     * @return this builder
     */
    public AuditBundleBuilder treeHead(SignedTreeHead treeHead) {
        treeHeads.add(Objects.requireNonNull(treeHead, "treeHead must not be null"));
        return this;
    }

    /** @return the tally of the votes added so far that count */
    public TallyResult tally() {
        return count(parse());
    }

    /**
     * @param key the server key (the one the manifest publishes)
     * @param now the closing time of the count
     * @return the signed, complete audit bundle
     * @throws IllegalStateException if a vote added does not parse (it was verified when cast)
     */
    public AuditBundle close(ServerKey key, Instant now) {
        if (!key.publicJwk().equals(manifest.serverKey().toPublicJWK())) {
            throw new IllegalArgumentException("Sign with the key the manifest publishes");
        }
        List<Parsed> parsed = parse();
        List<byte[]> entries = new ArrayList<>(parsed.size());
        for (Parsed p : parsed) {
            entries.add(Base64URL.from(p.ballotId).decode());
        }
        MerkleTree tree = MerkleTree.of(entries);
        SignedTreeHead last = LogSignatures.signTreeHead(key, manifest.ballot(), tree.size(), tree.rootHash(), now);
        List<String> heads = new ArrayList<>();
        treeHeads.stream()
                .sorted((a, b) -> a.treeSize() != b.treeSize() ? Long.compare(a.treeSize(), b.treeSize())
                        : a.timestamp().compareTo(b.timestamp()))
                .forEach(head -> heads.add(head.jws()));
        heads.add(last.jws());
        TallyResult tally = count(parsed);
        String result = SignedResults.sign(key, manifest, manifestHash, last, tally, now);
        List<AuditBundle.Entry> ballots = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            ballots.add(new AuditBundle.Entry(i, p.ballotId, compacts.get(i), keys.get(i).toJSONObject(), p.superseded));
        }
        return new AuditBundle(ManifestCodec.toJson(manifest), manifestHash, heads, ballots, tally.toJson(), result);
    }

    private TallyResult count(List<Parsed> parsed) {
        List<Choice> counted = new ArrayList<>();
        for (Parsed p : parsed) {
            if (!p.superseded) {
                counted.add(p.choice);
            }
        }
        return Counting.count(manifest, manifestHash, counted);
    }

    private List<Parsed> parse() {
        List<Parsed> parsed = new ArrayList<>(compacts.size());
        List<String> kids = new ArrayList<>();
        long[] seqs = new long[compacts.size()];
        for (int i = 0; i < compacts.size(); i++) {
            try {
                BallotFormat.ParsedBallot ballot = BallotFormat.parse(compacts.get(i));
                BallotFormat.Claims claims = BallotFormat.readClaims(ballot, manifest, manifestHash);
                parsed.add(new Parsed(ballot.ballotId(), claims.choice()));
                kids.add(ballot.kid());
                seqs[i] = claims.seq();
            } catch (BallotRejectedException e) {
                throw new IllegalStateException("Vote " + i + " of the log does not parse: " + e.getMessage(), e);
            }
        }
        boolean[] superseded = Revotes.superseded(kids, seqs);
        for (int i = 0; i < parsed.size(); i++) {
            parsed.get(i).superseded = superseded[i];
        }
        return parsed;
    }

    private static final class Parsed {
        final String ballotId;
        final Choice choice;
        boolean superseded;

        Parsed(String ballotId, Choice choice) {
            this.ballotId = ballotId;
            this.choice = choice;
        }
    }
}
