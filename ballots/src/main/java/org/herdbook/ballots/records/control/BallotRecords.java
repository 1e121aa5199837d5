package org.herdbook.ballots.records.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.herdbook.ballots.casting.control.CastHistory;
import org.herdbook.ballots.casting.control.RegisteredKeys;
import org.herdbook.ballots.casting.entity.RegisteredKey;
import org.herdbook.ballots.casting.entity.VerifiedBallot;
import org.herdbook.ballots.log.control.MerkleFrontier;
import org.herdbook.ballots.log.entity.SignedTreeHead;
import org.herdbook.ballots.manifest.control.CanonicalJson;
import org.herdbook.ballots.manifest.control.ChoiceCodec;
import org.herdbook.ballots.manifest.control.ManifestCodec;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.records.entity.LoggedVote;
import org.herdbook.ballots.records.entity.RollPlace;
import org.herdbook.ballots.records.entity.StoredBallot;
import org.herdbook.ballots.records.entity.StoredResult;
import org.herdbook.ballots.roll.control.VoterRoll;
import org.herdbook.ballots.roll.entity.FrozenRoll;
import org.herdbook.ballots.roll.entity.RollEntry;

/**
 * The ballots schema, in plain JDBC on the web application's data source; every method runs in
 * the caller's transaction (the data source hands the same connection to one transaction).
 * It is also what the casting checks read: the registered keys, the cast history and the frozen
 * rolls. Thread-safe (stateless apart from the data source).
 */
public class BallotRecords implements RegisteredKeys, CastHistory, VoterRoll {

    private static final String BALLOT_COLUMNS = "b.id, b.proposal_id, b.uri, b.state, b.method, b.opens_at,"
            + " b.closes_at, b.record_date, coalesce(b.manifest_json, b.draft_manifest), b.manifest_hash, b.roll_size,"
            + " b.log_size, b.log_frontier, b.created_at, b.closed_at";

    private final DataSource dataSource;

    /** @param dataSource the data source of the database holding the ballots schema */
    public BallotRecords(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    }

    /**
     * Stores a proposal and its ballot, not yet open.
     *
     * @param draft the manifest the ballot will have, its roll still empty
     * @param ballotId the ballot's id (in {@code draft.ballot()})
     * @param proposalId the proposal's id
     * @param createdBy who made it (an account id)
     */
    public void insertDraft(BallotManifest draft, UUID ballotId, UUID proposalId, String createdBy) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ballots.proposal"
                    + " (id, title_en, title_fr, text_en, text_fr, created_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, proposalId);
                insert.setString(2, draft.proposal().title().en());
                insert.setString(3, draft.proposal().title().fr());
                insert.setString(4, draft.proposal().text().en());
                insert.setString(5, draft.proposal().text().fr());
                insert.setString(6, createdBy);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ballots.ballot (id, proposal_id,"
                    + " uri, state, method, draft_manifest, opens_at, closes_at, record_date, created_by)"
                    + " VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, ballotId);
                insert.setObject(2, proposalId);
                insert.setString(3, draft.ballot().toString());
                insert.setString(4, draft.method().type());
                insert.setString(5, CanonicalJson.write(ManifestCodec.toJson(draft)));
                insert.setTimestamp(6, Timestamp.from(draft.opens()));
                insert.setTimestamp(7, Timestamp.from(draft.closes()));
                insert.setObject(8, draft.recordDate());
                insert.setString(9, createdBy);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return the ballot, if there is one with that id */
    public Optional<StoredBallot> find(UUID id) {
        return one("SELECT " + BALLOT_COLUMNS + " FROM ballots.ballot b WHERE b.id = ?", id);
    }

    /**
     * Reads the ballot and locks its row until the transaction ends: casts, openings and closings
     * of one ballot take turns, so leaf indexes and the log's frontier never race.
     */
    public Optional<StoredBallot> lock(UUID id) {
        return one("SELECT " + BALLOT_COLUMNS + " FROM ballots.ballot b WHERE b.id = ? FOR UPDATE", id);
    }

    /** @return every ballot, newest opening first */
    public List<StoredBallot> all() {
        List<StoredBallot> ballots = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + BALLOT_COLUMNS
                        + " FROM ballots.ballot b ORDER BY b.opens_at DESC, b.created_at DESC");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ballots.add(ballot(rows));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return ballots;
    }

    /** @return the ids of open ballots whose closing time has come */
    public List<UUID> dueForClosing(Instant now) {
        List<UUID> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id FROM ballots.ballot WHERE state = 'open' AND closes_at <= ? ORDER BY closes_at")) {
            select.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return due;
    }

    /**
     * Opens a draft: writes its manifest and its frozen roll.
     *
     * @param id the ballot
     * @param manifest the manifest, now fixed
     * @param manifestJson its JSON exactly as hashed
     * @param roll the frozen roll the manifest publishes
     * @param openedBy who opened it
     * @param now when
     */
    public void open(UUID id, BallotManifest manifest, String manifestJson, FrozenRoll roll, String openedBy,
            Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ballots.ballot SET state = 'open',"
                    + " manifest_json = ?, manifest_hash = ?, roll_size = ?, roll_root = ?, opened_by = ?, opened_at = ?,"
                    + " opens_at = ?, closes_at = ? WHERE id = ? AND state = 'draft'")) {
                update.setString(1, manifestJson);
                update.setString(2, ManifestCodec.hash(manifest));
                update.setLong(3, roll.digest().size());
                update.setString(4, roll.digest().rootHash());
                update.setString(5, openedBy);
                update.setTimestamp(6, Timestamp.from(now));
                update.setTimestamp(7, Timestamp.from(manifest.opens()));
                update.setTimestamp(8, Timestamp.from(manifest.closes()));
                update.setObject(9, id);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("Ballot " + id + " is not a draft");
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ballots.roll_entry"
                    + " (ballot_id, position, voter_ref, salt, commitment) VALUES (?, ?, ?, ?, ?)")) {
                int position = 0;
                for (RollEntry entry : roll.entries()) {
                    insert.setObject(1, id);
                    insert.setInt(2, position++);
                    insert.setString(3, entry.memberId());
                    insert.setString(4, entry.salt());
                    insert.setString(5, entry.commitment());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return the member's place on the ballot's frozen roll, if on it */
    public Optional<RollPlace> rollPlace(UUID ballot, String voterRef) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT position, salt, commitment"
                        + " FROM ballots.roll_entry WHERE ballot_id = ? AND voter_ref = ?")) {
            select.setObject(1, ballot);
            select.setString(2, voterRef);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new RollPlace(rows.getInt(1), rows.getString(2), rows.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return the roll's commitments (32 bytes each) in roll order */
    public List<byte[]> rollCommitments(UUID ballot) {
        List<byte[]> commitments = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT commitment FROM ballots.roll_entry WHERE ballot_id = ? ORDER BY position")) {
            select.setObject(1, ballot);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    commitments.add(Base64URL.from(rows.getString(1)).decode());
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return commitments;
    }

    /** @return the key the member registered for the ballot, if any */
    public Optional<JWK> keyOf(UUID ballot, String voterRef) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT public_jwk FROM ballots.voting_key WHERE ballot_id = ? AND voter_ref = ?")) {
            select.setObject(1, ballot);
            select.setString(2, voterRef);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(jwk(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Registers a member's public key for a ballot.
     *
     * @return false if the member already has a key for it (nothing stored)
     */
    public boolean registerKey(UUID ballot, String voterRef, JWK publicKey, String kid, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO ballots.voting_key"
                        + " (ballot_id, kid, voter_ref, public_jwk, registered_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")) {
            insert.setObject(1, ballot);
            insert.setString(2, kid);
            insert.setString(3, voterRef);
            insert.setString(4, publicKey.toPublicJWK().toJSONString());
            insert.setTimestamp(5, Timestamp.from(now));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Of the given {@code jti}s, those the ballot's log already holds. One query for a whole batch
     * of casts; the caller holds the ballot's {@link #lock}, so the answer stays true until it commits.
     */
    public Set<String> jtisUsed(UUID ballot, Collection<String> jtis) {
        Set<String> used = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                Statement plans = connection.createStatement();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT jti FROM ballots.vote WHERE ballot_id = ? AND jti = ANY(?)")) {
            // Planned for the log as it is now, every time. A pooled connection keeps its prepared
            // statements, and PostgreSQL plans one of them once for good (a generic plan) after five
            // runs: for a log that was nearly empty then, a scan of the whole table, which this query
            // went on doing for every batch as the log grew (5.8 ms a batch at 17,000 votes, most of
            // the database's work in the casting benchmark) until autovacuum's next ANALYZE, up to a
            // minute later. Planned each time, it probes the (ballot_id, jti) index.
            plans.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            select.setObject(1, ballot);
            select.setArray(2, connection.createArrayOf("text", jtis.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    used.add(rows.getString(1));
                }
            }
            plans.execute("SET LOCAL plan_cache_mode TO DEFAULT");
        } catch (SQLException e) {
            throw failure(e);
        }
        return used;
    }

    /**
     * The highest {@code seq} the ballot's log holds for each of the given keys that voted; one
     * query for a whole batch of casts, under the ballot's {@link #lock}.
     */
    public Map<String, Long> highestSeqs(UUID ballot, Collection<String> kids) {
        Map<String, Long> highest = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                // One index probe per key (the vote_seq_once index, backwards), however long the log.
                PreparedStatement select = connection.prepareStatement("SELECT k.kid, (SELECT v.seq FROM"
                        + " ballots.vote v WHERE v.ballot_id = ? AND v.kid = k.kid ORDER BY v.seq DESC LIMIT 1)"
                        + " FROM unnest(?::text[]) AS k(kid)")) {
            select.setObject(1, ballot);
            select.setArray(2, connection.createArrayOf("text", kids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(2);
                    if (!rows.wasNull()) {
                        highest.put(rows.getString(1), seq);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return highest;
    }

    /**
     * Appends accepted votes to the ballot's log in one round trip per statement: the votes at
     * consecutive leaf indexes from {@code firstLeaf}, the marks on the votes each supersedes (in
     * log order, so a revote within the batch marks the one before it), the new frontier, and the
     * one tree head signed over it. The caller holds the ballot's {@link #lock} and has checked
     * {@code jti} and {@code seq} of every vote against the log and against each other.
     *
     * @param ballot the ballot
     * @param votes the verified votes, in log order
     * @param firstLeaf the index of the first (the log's size before them)
     * @param next the frontier with all of them appended
     * @param treeHead the tree head signed over {@code next}
     * @throws IllegalStateException if the log moved or a constraint refused a vote (the checks
     *     under the lock make both impossible; the whole batch is rolled back)
     */
    public void appendVotes(UUID ballot, List<VerifiedBallot> votes, long firstLeaf, MerkleFrontier next,
            SignedTreeHead treeHead) {
        if (votes.isEmpty() || next.size() != firstLeaf + votes.size() || treeHead.treeSize() != next.size()) {
            throw new IllegalArgumentException("The frontier and tree head must cover exactly the new votes");
        }
        int n = votes.size();
        Long[] leaves = new Long[n];
        String[] ids = new String[n];
        String[] jws = new String[n];
        String[] kids = new String[n];
        String[] jtis = new String[n];
        Long[] seqs = new Long[n];
        String[] choices = new String[n];
        String[] received = new String[n];
        for (int i = 0; i < n; i++) {
            VerifiedBallot vote = votes.get(i);
            leaves[i] = firstLeaf + i;
            ids[i] = vote.ballotId();
            jws[i] = vote.compact();
            kids[i] = vote.kid();
            jtis[i] = vote.jti();
            seqs[i] = vote.seq();
            choices[i] = CanonicalJson.write(ChoiceCodec.toClaim(vote.choice()));
            received[i] = vote.receivedAt().toString();
        }
        try (Connection connection = dataSource.getConnection()) {
            Array leafArray = connection.createArrayOf("int8", leaves);
            Array kidArray = connection.createArrayOf("text", kids);
            Array seqArray = connection.createArrayOf("int8", seqs);
            // One statement for the whole batch, its columns sent as arrays: a JDBC batch still made
            // PostgreSQL bind and run the insert once per vote (0.08 ms each in the casting benchmark).
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ballots.vote (ballot_id,"
                    + " leaf_index, ballot_hash, jws, kid, jti, seq, choice, received_at)"
                    + " SELECT ?, u.leaf, u.id, u.jws, u.kid, u.jti, u.seq, u.choice, u.received::timestamptz"
                    + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[],"
                    + " ?::text[]) AS u(leaf, id, jws, kid, jti, seq, choice, received)")) {
                insert.setObject(1, ballot);
                insert.setArray(2, leafArray);
                insert.setArray(3, connection.createArrayOf("text", ids));
                insert.setArray(4, connection.createArrayOf("text", jws));
                insert.setArray(5, kidArray);
                insert.setArray(6, connection.createArrayOf("text", jtis));
                insert.setArray(7, seqArray);
                insert.setArray(8, connection.createArrayOf("text", choices));
                insert.setArray(9, connection.createArrayOf("text", received));
                if (insert.executeUpdate() != n) {
                    throw new IllegalStateException("Not every vote of the batch was stored");
                }
            }
            // A key's seq grows with the log, and each vote marked the one before it when it came,
            // so the key's vote with the next lower seq is the only one a new vote has to mark (and
            // nothing has marked it yet: only a higher seq can, and this vote's is the lowest above
            // it): one probe of the vote_seq_once index per vote, where looking at every earlier vote
            // of the key grew with each revote. The votes just inserted are seen, so a revote within
            // the batch marks the one before it. A first vote finds nothing to mark.
            try (PreparedStatement mark = connection.prepareStatement("INSERT INTO ballots.vote_superseded"
                    + " (ballot_id, leaf_index, superseded_by) SELECT ?, p.leaf_index, n.leaf"
                    + " FROM unnest(?::text[], ?::bigint[], ?::bigint[]) AS n(kid, seq, leaf)"
                    + " CROSS JOIN LATERAL (SELECT v.leaf_index FROM ballots.vote v WHERE v.ballot_id = ?"
                    + " AND v.kid = n.kid AND v.seq < n.seq ORDER BY v.seq DESC LIMIT 1) p")) {
                mark.setObject(1, ballot);
                mark.setArray(2, kidArray);
                mark.setArray(3, seqArray);
                mark.setArray(4, leafArray);
                mark.setObject(5, ballot);
                mark.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ballots.ballot SET log_size = ?, log_frontier = ? WHERE id = ? AND log_size = ?")) {
                update.setLong(1, next.size());
                update.setString(2, String.join(".", next.subtrees().stream()
                        .map(h -> Base64URL.encode(h).toString()).toList()));
                update.setObject(3, ballot);
                update.setLong(4, firstLeaf);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("The log of ballot " + ballot + " moved under a cast");
                }
            }
            insertTreeHead(connection, ballot, treeHead);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return the ballot's votes in log order, with their keys and supersession marks */
    public List<LoggedVote> votes(UUID ballot) {
        List<LoggedVote> votes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT v.leaf_index, v.ballot_hash, v.jws,"
                        + " v.kid, k.public_jwk, v.seq, s.leaf_index IS NOT NULL, v.received_at FROM ballots.vote v"
                        + " JOIN ballots.voting_key k ON k.ballot_id = v.ballot_id AND k.kid = v.kid"
                        + " LEFT JOIN ballots.vote_superseded s ON s.ballot_id = v.ballot_id"
                        + " AND s.leaf_index = v.leaf_index WHERE v.ballot_id = ? ORDER BY v.leaf_index")) {
            select.setObject(1, ballot);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    votes.add(new LoggedVote(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getLong(6), rows.getBoolean(7), rows.getTimestamp(8).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return votes;
    }

    /** @return the ballot ids of the log, in order */
    public List<String> ballotIds(UUID ballot) {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT ballot_hash FROM ballots.vote WHERE ballot_id = ? ORDER BY leaf_index")) {
            select.setObject(1, ballot);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return ids;
    }

    /** @return every tree head signed for the ballot, oldest first */
    public List<SignedTreeHead> treeHeads(UUID ballot) {
        List<SignedTreeHead> heads = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT b.uri, h.tree_size, h.root_hash,"
                        + " h.signed_at, h.jws FROM ballots.tree_head h JOIN ballots.ballot b ON b.id = h.ballot_id"
                        + " WHERE h.ballot_id = ? ORDER BY h.tree_size, h.id")) {
            select.setObject(1, ballot);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    heads.add(new SignedTreeHead(URI.create(rows.getString(1)), rows.getLong(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), rows.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return heads;
    }

    /** @return the newest tree head signed for the ballot, if any */
    public Optional<SignedTreeHead> latestTreeHead(UUID ballot) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT b.uri, h.tree_size, h.root_hash,"
                        + " h.signed_at, h.jws FROM ballots.tree_head h JOIN ballots.ballot b ON b.id = h.ballot_id"
                        + " WHERE h.ballot_id = ? ORDER BY h.tree_size DESC, h.id DESC LIMIT 1")) {
            select.setObject(1, ballot);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new SignedTreeHead(URI.create(rows.getString(1)), rows.getLong(2),
                        rows.getString(3), rows.getTimestamp(4).toInstant(), rows.getString(5))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Closes an open ballot with its count. The caller holds the ballot's {@link #lock}.
     *
     * @param ballot the ballot
     * @param finalHead the tree head signed at closing, over the whole log
     * @param result what to keep
     */
    public void close(UUID ballot, SignedTreeHead finalHead, StoredResult result) {
        try (Connection connection = dataSource.getConnection()) {
            insertTreeHead(connection, ballot, finalHead);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ballots.result (ballot_id, tally,"
                    + " result_jws, bundle, tree_size, root_hash, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, ballot);
                insert.setString(2, result.tallyJson());
                insert.setString(3, result.resultJws());
                insert.setString(4, result.bundleJson());
                insert.setLong(5, result.treeSize());
                insert.setString(6, result.rootHash());
                insert.setTimestamp(7, Timestamp.from(result.closedAt()));
                insert.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ballots.ballot SET state = 'closed', closed_at = ? WHERE id = ? AND state = 'open'")) {
                update.setTimestamp(1, Timestamp.from(result.closedAt()));
                update.setObject(2, ballot);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("Ballot " + ballot + " is not open");
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return what closing wrote, if the ballot is closed */
    public Optional<StoredResult> result(UUID ballot) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT tally, result_jws, bundle, tree_size,"
                        + " root_hash, closed_at FROM ballots.result WHERE ballot_id = ?")) {
            select.setObject(1, ballot);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new StoredResult(rows.getString(1), rows.getString(2),
                        rows.getString(3), rows.getLong(4), rows.getString(5), rows.getTimestamp(6).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return the tally alone (without the bundle), if closed */
    public Optional<String> tally(UUID ballot) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT tally FROM ballots.result WHERE ballot_id = ?")) {
            select.setObject(1, ballot);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<RegisteredKey> find(URI ballot, String kid) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT k.public_jwk, k.voter_ref"
                        + " FROM ballots.voting_key k JOIN ballots.ballot b ON b.id = k.ballot_id"
                        + " WHERE b.uri = ? AND k.kid = ?")) {
            select.setString(1, ballot.toString());
            select.setString(2, kid);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new RegisteredKey(jwk(rows.getString(1)), rows.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean hasJti(URI ballot, String jti) {
        return exists("SELECT 1 FROM ballots.vote v JOIN ballots.ballot b ON b.id = v.ballot_id"
                + " WHERE b.uri = ? AND v.jti = ?", ballot.toString(), jti);
    }

    @Override
    public OptionalLong highestSeq(URI ballot, String kid) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT max(v.seq) FROM ballots.vote v"
                        + " JOIN ballots.ballot b ON b.id = v.ballot_id WHERE b.uri = ? AND v.kid = ?")) {
            select.setString(1, ballot.toString());
            select.setString(2, kid);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                long highest = rows.getLong(1);
                return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(highest);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean isOnRoll(URI ballot, String voterRef) {
        return exists("SELECT 1 FROM ballots.roll_entry r JOIN ballots.ballot b ON b.id = r.ballot_id"
                + " WHERE b.uri = ? AND r.voter_ref = ?", ballot.toString(), voterRef);
    }

    private void insertTreeHead(Connection connection, UUID ballot, SignedTreeHead head) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ballots.tree_head"
                + " (ballot_id, tree_size, root_hash, signed_at, jws) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, ballot);
            insert.setLong(2, head.treeSize());
            insert.setString(3, head.rootHash());
            insert.setTimestamp(4, Timestamp.from(head.timestamp()));
            insert.setString(5, head.jws());
            insert.executeUpdate();
        }
    }

    private boolean exists(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private Optional<StoredBallot> one(String sql, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(ballot(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static StoredBallot ballot(ResultSet rows) throws SQLException {
        long size = rows.getLong(12);
        String frontier = rows.getString(13);
        List<byte[]> subtrees = frontier.isEmpty() ? List.of()
                : java.util.Arrays.stream(frontier.split("\\.")).map(h -> Base64URL.from(h).decode()).toList();
        long rollSize = rows.getLong(11);
        Long roll = rows.wasNull() ? null : rollSize;
        Timestamp closed = rows.getTimestamp(15);
        return new StoredBallot(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                URI.create(rows.getString(3)), StoredBallot.State.of(rows.getString(4)), rows.getString(5),
                rows.getTimestamp(6).toInstant(), rows.getTimestamp(7).toInstant(), rows.getObject(8, LocalDate.class),
                rows.getString(9), rows.getString(10), roll, size, MerkleFrontier.of(size, subtrees),
                rows.getTimestamp(14).toInstant(), closed == null ? null : closed.toInstant());
    }

    private static JWK jwk(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored voting key is not a JWK", e);
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("Ballots database failure: " + e.getMessage(), e);
    }
}
