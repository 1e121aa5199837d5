package org.herdbook.ballots;

import com.nimbusds.jose.util.Base64URL;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.herdbook.ballots.audit.control.AuditBundleBuilder;
import org.herdbook.ballots.audit.entity.AuditBundle;
import org.herdbook.ballots.casting.control.BallotVerifier;
import org.herdbook.ballots.casting.control.CastHistory;
import org.herdbook.ballots.casting.control.RegisteredKeys;
import org.herdbook.ballots.casting.entity.BallotRejectedException;
import org.herdbook.ballots.casting.entity.RegisteredKey;
import org.herdbook.ballots.casting.entity.VerifiedBallot;
import org.herdbook.ballots.keys.control.KeyPolicy;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.log.control.LogSignatures;
import org.herdbook.ballots.log.control.MerkleFrontier;
import org.herdbook.ballots.log.entity.BallotReceipt;
import org.herdbook.ballots.log.entity.SignedTreeHead;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.roll.control.VoterRoll;

/**
 * An in-memory stand-in for what the web application does around the ballots module: key
 * registrations, the roll, the vote table, the log and receipts. One per test.
 */
public final class TestBallotBox implements RegisteredKeys, CastHistory, VoterRoll {

    private final BallotManifest manifest;
    private final ServerKey serverKey;
    private final Map<String, RegisteredKey> keys = new HashMap<>();
    private final Set<String> roll = new HashSet<>();
    private final Set<String> jtis = new HashSet<>();
    private final Map<String, Long> seqs = new HashMap<>();
    private final List<VerifiedBallot> accepted = new ArrayList<>();
    private MerkleFrontier log = MerkleFrontier.empty();
    private final List<SignedTreeHead> treeHeads = new ArrayList<>();
    private final BallotVerifier verifier = new BallotVerifier(this, this, this);

    public TestBallotBox(BallotManifest manifest, ServerKey serverKey) {
        this.manifest = manifest;
        this.serverKey = serverKey;
    }

    /** Puts a member on the roll and registers their key. */
    public TestBallotBox register(String member, TestBallots.VoterKey key) {
        roll.add(member);
        keys.put(KeyPolicy.thumbprint(key.publicKey()), new RegisteredKey(key.publicKey(), member));
        return this;
    }

    /** Registers a key for a member who is not on the roll. */
    public TestBallotBox registerOffRoll(String member, TestBallots.VoterKey key) {
        keys.put(KeyPolicy.thumbprint(key.publicKey()), new RegisteredKey(key.publicKey(), member));
        return this;
    }

    /** Verifies, stores, appends and signs a receipt, as the web application will. */
    public BallotReceipt cast(String compact, Instant at) throws BallotRejectedException {
        VerifiedBallot ballot = verifier.verify(manifest, compact, at);
        accepted.add(ballot);
        jtis.add(ballot.jti());
        seqs.put(ballot.kid(), ballot.seq());
        log = log.append(Base64URL.from(ballot.ballotId()).decode());
        SignedTreeHead head = LogSignatures.signTreeHead(serverKey, manifest.ballot(), log.size(), log.rootHash(), at);
        treeHeads.add(head);
        return LogSignatures.signReceipt(serverKey, ballot.ballotId(), log.size() - 1, head, at);
    }

    public BallotReceipt cast(String compact) throws BallotRejectedException {
        return cast(compact, TestBallots.DURING);
    }

    public List<VerifiedBallot> accepted() {
        return accepted;
    }

    /** Closes the ballot: the audit bundle with the last few published tree heads. */
    public AuditBundle close() {
        AuditBundleBuilder builder = new AuditBundleBuilder(manifest);
        for (VerifiedBallot ballot : accepted) {
            builder.ballot(ballot.compact(), ballot.publicKey());
        }
        int from = Math.max(0, treeHeads.size() - 3);
        treeHeads.subList(from, treeHeads.size()).forEach(builder::treeHead);
        return builder.close(serverKey, TestBallots.CLOSES);
    }

    @Override
    public Optional<RegisteredKey> find(URI ballot, String kid) {
        return ballot.equals(manifest.ballot()) ? Optional.ofNullable(keys.get(kid)) : Optional.empty();
    }

    @Override
    public boolean hasJti(URI ballot, String jti) {
        return jtis.contains(jti);
    }

    @Override
    public OptionalLong highestSeq(URI ballot, String kid) {
        Long seq = seqs.get(kid);
        return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }

    @Override
    public boolean isOnRoll(URI ballot, String voterRef) {
        return roll.contains(voterRef);
    }
}
