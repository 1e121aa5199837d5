package org.herdbook.web.ballots.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.herdbook.ballots.casting.control.RegisteredKeys;
import org.herdbook.ballots.casting.entity.RegisteredKey;
import org.herdbook.ballots.manifest.control.ManifestCodec;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.records.control.BallotRecords;
import org.herdbook.ballots.records.entity.StoredBallot;
import org.herdbook.ballots.roll.control.VoterRoll;

/**
 * What a cast needs to know before it joins its batch, kept in memory once read: an opened
 * ballot's manifest and its hash, the registered voting keys and the roll places. All of it is
 * fixed once written (the manifest cannot change after opening, and {@code voting_key} and
 * {@code roll_entry} are append-only, enforced by triggers), so what was read once stays true and
 * only what exists is kept; whatever is not known yet is read from the database. Without this, every
 * cast read the ballot row, parsed and hashed its manifest and made three more queries before its
 * signature was even checked.
 *
 * <p>Each map is bounded: past its size it is emptied and fills again from the database, so a
 * server that has seen many ballots holds no more than a few megabytes here.
 */
@ApplicationScoped
public class OpenedBallots implements RegisteredKeys, VoterRoll {

    static final int MAX_BALLOTS = 256;
    static final int MAX_KEYS = 50_000;

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;

    private BallotRecords records;
    private final Map<UUID, Opened> opened = new ConcurrentHashMap<>();
    private final Map<String, RegisteredKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Boolean> onRoll = new ConcurrentHashMap<>();

    @PostConstruct
    void wire() {
        records = new BallotRecords(dataSource);
    }

    /** An opened ballot's fixed manifest and its hash. */
    public record Opened(BallotManifest manifest, String manifestHash) {
    }

    /**
     * @param ballotId a ballot
     * @param manifestOf how a stored manifest is read
     * @return the ballot's manifest if it has been opened (it may have closed since: the voting
     *     window in the manifest says so); the ballot as stored otherwise, or nothing if unknown
     */
    public Lookup lookup(UUID ballotId, Function<StoredBallot, BallotManifest> manifestOf) {
        Opened known = opened.get(ballotId);
        if (known != null) {
            return new Lookup(Optional.empty(), known);
        }
        Optional<StoredBallot> stored = records.find(ballotId);
        if (stored.isEmpty() || stored.get().state() != StoredBallot.State.OPEN) {
            return new Lookup(stored, null);
        }
        BallotManifest manifest = manifestOf.apply(stored.get());
        Opened read = new Opened(manifest, ManifestCodec.hash(manifest));
        bounded(opened, MAX_BALLOTS).put(ballotId, read);
        return new Lookup(stored, read);
    }

    /**
     * @param stored the ballot as stored, when it was read (unknown, a draft or not open)
     * @param opened the opened ballot's manifest, or null if the ballot is not open
     */
    public record Lookup(Optional<StoredBallot> stored, Opened opened) {
    }

    @Override
    public Optional<RegisteredKey> find(URI ballot, String kid) {
        String name = ballot + " " + kid;
        RegisteredKey known = keys.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<RegisteredKey> read = records.find(ballot, kid);
        read.ifPresent(key -> bounded(keys, MAX_KEYS).put(name, key));
        return read;
    }

    @Override
    public boolean isOnRoll(URI ballot, String voterRef) {
        String name = ballot + " " + voterRef;
        if (onRoll.containsKey(name)) {
            return true;
        }
        boolean read = records.isOnRoll(ballot, voterRef);
        if (read) {
            bounded(onRoll, MAX_KEYS).put(name, Boolean.TRUE);
        }
        return read;
    }

    private static <K, V> Map<K, V> bounded(Map<K, V> map, int max) {
        if (map.size() >= max) {
            map.clear();
        }
        return map;
    }
}
