-- Proposals, ballots with their fixed manifest, frozen voter rolls, registered voting keys,
-- signed votes, the Merkle log's signed tree heads and the signed results.
-- Votes, keys, roll entries, tree heads, supersession marks and results are append-only: the
-- database refuses UPDATE, DELETE and TRUNCATE on them, whatever the application does.

CREATE TABLE ballots.proposal (
    id          uuid PRIMARY KEY,
    title_en    text NOT NULL CHECK (length(btrim(title_en)) BETWEEN 1 AND 300),
    title_fr    text NOT NULL CHECK (length(btrim(title_fr)) BETWEEN 1 AND 300),
    text_en     text NOT NULL CHECK (length(btrim(text_en)) BETWEEN 1 AND 20000),
    text_fr     text NOT NULL CHECK (length(btrim(text_fr)) BETWEEN 1 AND 20000),
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One ballot per proposal. A draft keeps the manifest it will have with an empty roll
-- (draft_manifest); the manifest is written once, when the ballot opens (state 'open'), exactly
-- as hashed; the log's frontier (the roots of its complete subtrees) changes with every
-- vote, under the row lock each cast takes (base64url hashes, largest subtree first, joined by dots).
CREATE TABLE ballots.ballot (
    id             uuid PRIMARY KEY,
    proposal_id    uuid NOT NULL UNIQUE REFERENCES ballots.proposal (id),
    uri            text NOT NULL UNIQUE,
    state          text NOT NULL CHECK (state IN ('draft', 'open', 'closed')),
    method         text NOT NULL,
    draft_manifest text NOT NULL,
    opens_at       timestamptz NOT NULL,
    closes_at      timestamptz NOT NULL CHECK (closes_at > opens_at),
    record_date    date NOT NULL,
    manifest_json  text,
    manifest_hash  text,
    roll_size      bigint,
    roll_root      text,
    log_size       bigint NOT NULL DEFAULT 0 CHECK (log_size >= 0),
    log_frontier   text NOT NULL DEFAULT '',
    created_by     text NOT NULL,
    opened_by      text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    opened_at      timestamptz,
    closed_at      timestamptz,
    CHECK (state = 'draft' OR (manifest_json IS NOT NULL AND manifest_hash IS NOT NULL
                               AND roll_size IS NOT NULL AND roll_root IS NOT NULL))
);
CREATE INDEX ballot_to_close ON ballots.ballot (closes_at) WHERE state = 'open';

-- A manifest never changes once written, and a closed ballot never reopens.
CREATE FUNCTION ballots.keep_manifest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.manifest_json IS NOT NULL AND (NEW.manifest_json IS DISTINCT FROM OLD.manifest_json
            OR NEW.manifest_hash IS DISTINCT FROM OLD.manifest_hash OR NEW.uri <> OLD.uri
            OR NEW.opens_at <> OLD.opens_at OR NEW.closes_at <> OLD.closes_at) THEN
        RAISE EXCEPTION 'the manifest of ballot % is fixed', OLD.id USING ERRCODE = 'P0101';
    END IF;
    IF OLD.state = 'closed' AND NEW.state <> 'closed' THEN
        RAISE EXCEPTION 'ballot % is closed', OLD.id USING ERRCODE = 'P0101';
    END IF;
    IF NEW.log_size < OLD.log_size THEN
        RAISE EXCEPTION 'the log of ballot % only grows', OLD.id USING ERRCODE = 'P0101';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ballot_manifest_fixed BEFORE UPDATE ON ballots.ballot
    FOR EACH ROW EXECUTE FUNCTION ballots.keep_manifest();
CREATE FUNCTION ballots.refuse_ballot_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ballots are never deleted' USING ERRCODE = 'P0100';
END $$;
CREATE TRIGGER ballot_never_deleted BEFORE DELETE ON ballots.ballot
    FOR EACH ROW EXECUTE FUNCTION ballots.refuse_ballot_delete();

-- The frozen voter roll: one salted commitment per member on the record date.
CREATE TABLE ballots.roll_entry (
    ballot_id   uuid NOT NULL REFERENCES ballots.ballot (id),
    position    integer NOT NULL CHECK (position >= 0),
    voter_ref   text NOT NULL,
    salt        text NOT NULL,
    commitment  text NOT NULL,
    PRIMARY KEY (ballot_id, voter_ref),
    UNIQUE (ballot_id, position)
);

-- One public key per member and ballot; its RFC 7638 thumbprint is the kid of the member's votes.
CREATE TABLE ballots.voting_key (
    ballot_id      uuid NOT NULL REFERENCES ballots.ballot (id),
    kid            text NOT NULL,
    voter_ref      text NOT NULL,
    public_jwk     text NOT NULL,
    registered_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (ballot_id, kid),
    UNIQUE (ballot_id, voter_ref),
    FOREIGN KEY (ballot_id, voter_ref) REFERENCES ballots.roll_entry (ballot_id, voter_ref)
);

-- Every accepted vote, in log order (leaf_index). The unique constraints turn two concurrent
-- casts of the same jti, or of the same key and seq, into a refusal of the second one.
CREATE TABLE ballots.vote (
    ballot_id    uuid NOT NULL REFERENCES ballots.ballot (id),
    leaf_index   bigint NOT NULL CHECK (leaf_index >= 0),
    ballot_hash  text NOT NULL,
    jws          text NOT NULL CHECK (length(jws) <= 16384),
    kid          text NOT NULL,
    jti          text NOT NULL,
    seq          bigint NOT NULL CHECK (seq >= 0),
    choice       text NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (ballot_id, leaf_index),
    CONSTRAINT vote_jti_once UNIQUE (ballot_id, jti),
    CONSTRAINT vote_seq_once UNIQUE (ballot_id, kid, seq),
    UNIQUE (ballot_id, ballot_hash),
    FOREIGN KEY (ballot_id, kid) REFERENCES ballots.voting_key (ballot_id, kid)
);

-- A revote marks the vote it replaces; the replaced vote itself is never touched.
CREATE TABLE ballots.vote_superseded (
    ballot_id      uuid NOT NULL,
    leaf_index     bigint NOT NULL,
    superseded_by  bigint NOT NULL,
    PRIMARY KEY (ballot_id, leaf_index),
    FOREIGN KEY (ballot_id, leaf_index) REFERENCES ballots.vote (ballot_id, leaf_index),
    FOREIGN KEY (ballot_id, superseded_by) REFERENCES ballots.vote (ballot_id, leaf_index),
    CHECK (superseded_by > leaf_index)
);

-- Every tree head the server signed (one per vote, in its receipt, and the final one at closing).
CREATE TABLE ballots.tree_head (
    id          bigserial PRIMARY KEY,
    ballot_id   uuid NOT NULL REFERENCES ballots.ballot (id),
    tree_size   bigint NOT NULL CHECK (tree_size >= 0),
    root_hash   text NOT NULL,
    signed_at   timestamptz NOT NULL,
    jws         text NOT NULL
);
CREATE INDEX tree_head_of_ballot ON ballots.tree_head (ballot_id, tree_size);

-- The signed result and the audit bundle written at closing, once.
CREATE TABLE ballots.result (
    ballot_id    uuid PRIMARY KEY REFERENCES ballots.ballot (id),
    tally        text NOT NULL,
    result_jws   text NOT NULL,
    bundle       text NOT NULL,
    tree_size    bigint NOT NULL,
    root_hash    text NOT NULL,
    closed_at    timestamptz NOT NULL
);

CREATE FUNCTION ballots.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ballots.% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0100';
END $$;

CREATE TRIGGER roll_entry_append_only BEFORE UPDATE OR DELETE ON ballots.roll_entry
    FOR EACH ROW EXECUTE FUNCTION ballots.refuse_change();
CREATE TRIGGER roll_entry_no_truncate BEFORE TRUNCATE ON ballots.roll_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ballots.refuse_change();
CREATE TRIGGER voting_key_append_only BEFORE UPDATE OR DELETE ON ballots.voting_key
    FOR EACH ROW EXECUTE FUNCTION ballots.refuse_change();
CREATE TRIGGER voting_key_no_truncate BEFORE TRUNCATE ON ballots.voting_key
    FOR EACH STATEMENT EXECUTE FUNCTION ballots.refuse_change();
CREATE TRIGGER vote_append_only BEFORE UPDATE OR DELETE ON ballots.vote
    FOR EACH ROW EXECUTE FUNCTION ballots.refuse_change();
CREATE TRIGGER vote_no_truncate BEFORE TRUNCATE ON ballots.vote
    FOR EACH STATEMENT EXECUTE FUNCTION ballots.refuse_change();
CREATE TRIGGER vote_superseded_append_only BEFORE UPDATE OR DELETE ON ballots.vote_superseded
    FOR EACH ROW EXECUTE FUNCTION ballots.refuse_change();
CREATE TRIGGER vote_superseded_no_truncate BEFORE TRUNCATE ON ballots.vote_superseded
    FOR EACH STATEMENT EXECUTE FUNCTION ballots.refuse_change();
CREATE TRIGGER tree_head_append_only BEFORE UPDATE OR DELETE ON ballots.tree_head
    FOR EACH ROW EXECUTE FUNCTION ballots.refuse_change();
CREATE TRIGGER tree_head_no_truncate BEFORE TRUNCATE ON ballots.tree_head
    FOR EACH STATEMENT EXECUTE FUNCTION ballots.refuse_change();
CREATE TRIGGER result_append_only BEFORE UPDATE OR DELETE ON ballots.result
    FOR EACH ROW EXECUTE FUNCTION ballots.refuse_change();
CREATE TRIGGER result_no_truncate BEFORE TRUNCATE ON ballots.result
    FOR EACH STATEMENT EXECUTE FUNCTION ballots.refuse_change();
CREATE TRIGGER ballot_no_truncate BEFORE TRUNCATE ON ballots.ballot
    FOR EACH STATEMENT EXECUTE FUNCTION ballots.refuse_ballot_delete();
