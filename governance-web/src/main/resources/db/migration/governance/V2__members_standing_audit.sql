-- Members: verified e-mail, closed (erased) accounts, e-mail links, the audit log, membership
-- classes, standing as dated changes, hand-recorded dues, and the bylaws settings.

ALTER TABLE account
    ADD COLUMN email_verified_at timestamptz,
    ADD COLUMN closed_at         timestamptz;
-- Accounts that existed before verification was asked for were created by an administrator.
UPDATE account SET email_verified_at = created_at;

-- Bylaws settings the membership rules read. One row, beside the foundation's identity.
ALTER TABLE foundation
    ADD COLUMN dues_grace_days       integer NOT NULL DEFAULT 30 CHECK (dues_grace_days BETWEEN 0 AND 365),
    ADD COLUMN grace_keeps_vote      boolean NOT NULL DEFAULT true,
    ADD COLUMN min_membership_days   integer NOT NULL DEFAULT 0 CHECK (min_membership_days BETWEEN 0 AND 3650);

-- One-time links sent by e-mail (address verification, password reset). Only their SHA-256 is kept.
CREATE TABLE email_token (
    token_hash bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    account_id uuid        NOT NULL REFERENCES account (id),
    purpose    text        NOT NULL CHECK (purpose IN ('verify-email', 'reset-password')),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX email_token_account ON email_token (account_id, purpose);

-- Who did what to whom. Subjects and actors are account ids, never names or addresses, so that
-- erasing an account's personal data leaves the log whole.
CREATE TABLE audit_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid        REFERENCES account (id),
    action      text        NOT NULL CHECK (action ~ '^[a-z][a-z.-]{1,63}$'),
    subject_id  uuid        REFERENCES account (id),
    detail      text        NOT NULL DEFAULT '' CHECK (length(detail) <= 500)
);
CREATE INDEX audit_event_subject ON audit_event (subject_id, occurred_at);

-- A member: the membership class they belong to now.
CREATE TABLE membership (
    account_id   uuid        PRIMARY KEY REFERENCES account (id),
    member_class text        NOT NULL CHECK (member_class IN ('general', 'project')),
    applied_at   timestamptz NOT NULL DEFAULT now()
);

-- The contribution a project membership rests on, granted by the board.
CREATE TABLE project_contribution (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES membership (account_id),
    project      text        NOT NULL CHECK (length(btrim(project)) BETWEEN 1 AND 200),
    description  text        NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 2000),
    evidence_url text        NOT NULL CHECK (length(evidence_url) <= 500),
    starts_on    date        NOT NULL,
    review_on    date        NOT NULL CHECK (review_on > starts_on),
    granted_by   uuid        NOT NULL REFERENCES account (id),
    granted_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_contribution_account ON project_contribution (account_id);

-- Standing over time: each row says "from this day on, the member is ...". A period runs until
-- the next change. Rows are never changed: a mistake is corrected by a later change.
CREATE TABLE standing_change (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES membership (account_id),
    standing     text        NOT NULL CHECK (standing IN ('applicant', 'active', 'in-grace', 'lapsed', 'resigned', 'removed')),
    effective_on date        NOT NULL,
    cause        text        NOT NULL CHECK (cause IN ('application', 'dues-payment', 'dues-overdue', 'project-grant', 'board-decision', 'own-request', 'account-closed')),
    reason       text        NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    recorded_by  uuid        REFERENCES account (id),
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX standing_change_account ON standing_change (account_id, effective_on, id);

-- Dues paid, by hand until PayPal records them. Kept whole when an account is closed.
CREATE TABLE dues_payment (
    id           uuid          PRIMARY KEY,
    account_id   uuid          NOT NULL REFERENCES membership (account_id),
    amount       numeric(15,3) NOT NULL CHECK (amount > 0),
    currency     char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    paid_on      date          NOT NULL,
    covers_until date          NOT NULL CHECK (covers_until >= paid_on),
    source       text          NOT NULL CHECK (source IN ('hand', 'paypal')),
    reference    text          NOT NULL DEFAULT '' CHECK (length(reference) <= 200),
    recorded_by  uuid          REFERENCES account (id),
    recorded_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX dues_payment_account ON dues_payment (account_id, covers_until);

-- The audit log, standing history and dues are history: the database refuses to rewrite them.
CREATE FUNCTION refuse_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER standing_change_append_only BEFORE UPDATE OR DELETE ON standing_change
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER dues_payment_append_only BEFORE UPDATE OR DELETE ON dues_payment
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER standing_change_no_truncate BEFORE TRUNCATE ON standing_change
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER dues_payment_no_truncate BEFORE TRUNCATE ON dues_payment
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
