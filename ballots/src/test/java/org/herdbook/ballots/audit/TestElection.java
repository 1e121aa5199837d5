package org.herdbook.ballots.audit;

import static org.herdbook.ballots.TestBallots.claims;
import static org.herdbook.ballots.TestBallots.ranking;

import java.util.List;
import org.herdbook.ballots.TestBallotBox;
import org.herdbook.ballots.TestBallots;
import org.herdbook.ballots.TestBallots.VoterKey;
import org.herdbook.ballots.audit.entity.AuditBundle;
import org.herdbook.ballots.casting.entity.BallotRejectedException;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.manifest.control.CanonicalJson;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.Choice;
import org.herdbook.ballots.manifest.entity.CountingMethod;

/**
 * A small closed board election for audit tests: the Wikipedia food election (three seats, STV),
 * cast by 20 members with Ed25519 and P-256 keys, two of whom revote.
 */
public final class TestElection {

    public static final List<String> FOOD = List.of("oranges", "pears", "chocolate", "strawberries", "hamburgers");

    public final ServerKey serverKey = ServerKey.generateEd25519();
    public final BallotManifest manifest = TestBallots.manifest(new CountingMethod.SingleTransferableVote(3), FOOD, 25,
            serverKey);
    public final AuditBundle bundle;

    public TestElection() {
        TestBallotBox box = new TestBallotBox(manifest, serverKey);
        try {
            int member = 0;
            member = vote(box, member, 4, ranking("oranges"));
            member = vote(box, member, 2, ranking("pears", "oranges"));
            member = vote(box, member, 8, ranking("chocolate", "strawberries"));
            member = vote(box, member, 4, ranking("chocolate", "hamburgers"));
            member = vote(box, member, 1, ranking("strawberries"));
            VoterKey changesMind = VoterKey.ed25519();
            box.register("member-" + member++, changesMind);
            box.cast(changesMind.sign(claims(manifest, ranking("pears"), 1)));
            box.cast(changesMind.sign(claims(manifest, ranking("hamburgers"), 2)));
        } catch (BallotRejectedException e) {
            throw new IllegalStateException(e);
        }
        bundle = box.close();
    }

    /** @return the bundle as the server publishes it */
    public String json() {
        return CanonicalJson.write(bundle.toJson());
    }

    private int vote(TestBallotBox box, int member, int count, Choice choice) throws BallotRejectedException {
        for (int i = 0; i < count; i++) {
            VoterKey key = member % 3 == 0 ? VoterKey.es256() : VoterKey.ed25519();
            box.register("member-" + member++, key);
            box.cast(key.sign(claims(manifest, choice, 1)));
        }
        return member;
    }
}
