-- The board and general meetings: directors and officers over time, meetings with their notice,
-- agenda, documents, attendance, quorum, motions and minutes.

-- Bylaws settings the meetings read.
ALTER TABLE foundation
    ADD COLUMN notice_min_days     integer NOT NULL DEFAULT 21 CHECK (notice_min_days BETWEEN 0 AND 365),
    ADD COLUMN notice_max_days     integer NOT NULL DEFAULT 60 CHECK (notice_max_days BETWEEN 1 AND 365),
    ADD COLUMN member_quorum_kind  text    NOT NULL DEFAULT 'percent' CHECK (member_quorum_kind IN ('number', 'percent')),
    ADD COLUMN member_quorum_value integer NOT NULL DEFAULT 10 CHECK (member_quorum_value BETWEEN 1 AND 100000),
    ADD COLUMN board_quorum_kind   text    NOT NULL DEFAULT 'percent' CHECK (board_quorum_kind IN ('number', 'percent')),
    ADD COLUMN board_quorum_value  integer NOT NULL DEFAULT 50 CHECK (board_quorum_value BETWEEN 1 AND 100000),
    ADD COLUMN proxies_allowed     boolean NOT NULL DEFAULT true,
    ADD COLUMN officer_roles       text    NOT NULL DEFAULT 'president,secretary,treasurer'
        CHECK (officer_roles ~ '^[a-z][a-z-]{0,39}(,[a-z][a-z-]{0,39}){0,19}$'),
    ADD COLUMN max_director_terms  integer NOT NULL DEFAULT 0 CHECK (max_director_terms BETWEEN 0 AND 50),
    ADD CHECK (notice_min_days < notice_max_days);

-- A meeting. The quorum rule, the proxy rule and the number of people who count towards the
-- quorum are copied when the meeting is scheduled and when notice goes: later changes of the
-- bylaws or of standings do not rewrite a meeting already called.
CREATE TABLE meeting (
    id                  uuid        PRIMARY KEY,
    kind                text        NOT NULL CHECK (kind IN ('annual-general', 'special-general', 'board')),
    title_en            text        NOT NULL CHECK (length(btrim(title_en)) BETWEEN 1 AND 200),
    title_fr            text        NOT NULL CHECK (length(btrim(title_fr)) BETWEEN 1 AND 200),
    held_on             date        NOT NULL,
    starts_at           time        NOT NULL,
    location            text        NOT NULL DEFAULT '' CHECK (length(location) <= 300),
    record_date         date        NOT NULL CHECK (record_date <= held_on),
    quorum_kind         text        NOT NULL CHECK (quorum_kind IN ('number', 'percent')),
    quorum_value        integer     NOT NULL CHECK (quorum_value > 0),
    proxies_allowed     boolean     NOT NULL,
    entitled_count      integer     NOT NULL CHECK (entitled_count >= 0),
    notice_sent_at      timestamptz,
    called_to_order_at  timestamptz,
    adjourned_at        timestamptz,
    scheduled_by        uuid        NOT NULL REFERENCES account (id),
    scheduled_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (adjourned_at IS NULL OR called_to_order_at IS NOT NULL)
);
CREATE INDEX meeting_held_on ON meeting (held_on);

-- Terms on the board. A term runs from starts_on to ends_on inclusive, or until the day before
-- resigned_on. A resignation is the only change a term receives.
CREATE TABLE director_term (
    id                 uuid        PRIMARY KEY,
    account_id         uuid        NOT NULL REFERENCES account (id),
    elected_at_meeting uuid        REFERENCES meeting (id),
    starts_on          date        NOT NULL,
    ends_on            date        NOT NULL CHECK (ends_on >= starts_on),
    resigned_on        date        CHECK (resigned_on IS NULL OR resigned_on > starts_on),
    recorded_by        uuid        NOT NULL REFERENCES account (id),
    recorded_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX director_term_account ON director_term (account_id, starts_on);

-- An office held by a director, over the same kind of dated period.
CREATE TABLE officer_appointment (
    id          uuid        PRIMARY KEY,
    term_id     uuid        NOT NULL REFERENCES director_term (id),
    office      text        NOT NULL CHECK (office ~ '^[a-z][a-z-]{0,39}$'),
    starts_on   date        NOT NULL,
    ends_on     date        NOT NULL CHECK (ends_on >= starts_on),
    recorded_by uuid        NOT NULL REFERENCES account (id),
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX officer_appointment_term ON officer_appointment (term_id);

-- Who was sent the notice of a meeting, in which language, with which subject, when.
CREATE TABLE meeting_notice (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id uuid        NOT NULL REFERENCES meeting (id),
    account_id uuid        NOT NULL REFERENCES account (id),
    language   text        NOT NULL CHECK (language IN ('en', 'fr')),
    subject    text        NOT NULL,
    sent_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (meeting_id, account_id)
);

CREATE TABLE agenda_item (
    id         uuid    PRIMARY KEY,
    meeting_id uuid    NOT NULL REFERENCES meeting (id),
    position   integer NOT NULL CHECK (position > 0),
    title_en   text    NOT NULL CHECK (length(btrim(title_en)) BETWEEN 1 AND 300),
    title_fr   text    NOT NULL CHECK (length(btrim(title_fr)) BETWEEN 1 AND 300),
    UNIQUE (meeting_id, position)
);

-- Documents laid before a meeting (bylaws versions, financial statements, monthly reports).
CREATE TABLE meeting_document (
    id          uuid        PRIMARY KEY,
    meeting_id  uuid        NOT NULL REFERENCES meeting (id),
    file_name   text        NOT NULL CHECK (length(btrim(file_name)) BETWEEN 1 AND 200),
    media_type  text        NOT NULL CHECK (length(media_type) BETWEEN 3 AND 100),
    content     bytea       NOT NULL CHECK (length(content) BETWEEN 1 AND 10485760),
    sha256      bytea       NOT NULL CHECK (length(sha256) = 32),
    uploaded_by uuid        NOT NULL REFERENCES account (id),
    uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_document_meeting ON meeting_document (meeting_id);

-- Attendance as events: arrivals (in person, online, by proxy) and departures. Who is present at
-- a moment is read from them, so that quorum can be lost and regained and the minutes tell when.
CREATE TABLE attendance_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id  uuid        NOT NULL REFERENCES meeting (id),
    account_id  uuid        NOT NULL REFERENCES account (id),
    mode        text        NOT NULL CHECK (mode IN ('in-person', 'online', 'proxy', 'left')),
    proxy_id    uuid        REFERENCES account (id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by uuid        NOT NULL REFERENCES account (id),
    CHECK ((mode = 'proxy') = (proxy_id IS NOT NULL)),
    CHECK (proxy_id IS NULL OR proxy_id <> account_id)
);
CREATE INDEX attendance_event_meeting ON attendance_event (meeting_id, id);

-- Quorum as recorded: when the meeting was called to order, and each time it was lost or regained.
CREATE TABLE quorum_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id  uuid        NOT NULL REFERENCES meeting (id),
    kind        text        NOT NULL CHECK (kind IN ('called-to-order', 'lost', 'regained')),
    present     integer     NOT NULL CHECK (present >= 0),
    required    integer     NOT NULL CHECK (required >= 0),
    quorate     boolean     NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quorum_event_meeting ON quorum_event (meeting_id, id);

-- A motion. Its outcome is either counted by show of hands (the counts) or, later, taken from an
-- online ballot opened from it (ballot_id); decided_by says which.
CREATE TABLE motion (
    id            uuid        PRIMARY KEY,
    meeting_id    uuid        NOT NULL REFERENCES meeting (id),
    position      integer     NOT NULL CHECK (position > 0),
    kind          text        NOT NULL CHECK (kind IN ('ordinary', 'special')),
    text_en       text        NOT NULL CHECK (length(btrim(text_en)) BETWEEN 1 AND 4000),
    text_fr       text        NOT NULL CHECK (length(btrim(text_fr)) BETWEEN 1 AND 4000),
    mover_id      uuid        NOT NULL REFERENCES account (id),
    seconder_id   uuid        REFERENCES account (id) CHECK (seconder_id IS NULL OR seconder_id <> mover_id),
    amends_id     uuid        REFERENCES motion (id),
    corrects_minutes_of uuid  REFERENCES meeting (id),
    decided_by    text        CHECK (decided_by IN ('show-of-hands', 'ballot')),
    ballot_id     uuid,
    votes_for     integer     CHECK (votes_for >= 0),
    votes_against integer     CHECK (votes_against >= 0),
    abstentions   integer     CHECK (abstentions >= 0),
    carried       boolean,
    decided_at    timestamptz,
    resolution_number text    UNIQUE,
    proposed_by   uuid        NOT NULL REFERENCES account (id),
    proposed_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (meeting_id, position),
    CHECK ((carried IS NULL) = (decided_at IS NULL)),
    CHECK (resolution_number IS NULL OR carried)
);

-- The minutes of a meeting. Once approved (at a later meeting) they are locked: the database
-- refuses any change; a correction is a carried motion recorded as a minutes_correction.
CREATE TABLE minutes (
    meeting_id           uuid        PRIMARY KEY REFERENCES meeting (id),
    body_en              text        NOT NULL CHECK (length(body_en) <= 100000),
    body_fr              text        NOT NULL CHECK (length(body_fr) <= 100000),
    drafted_at           timestamptz NOT NULL DEFAULT now(),
    edited_by            uuid        NOT NULL REFERENCES account (id),
    edited_at            timestamptz NOT NULL DEFAULT now(),
    approved_at_meeting  uuid        REFERENCES meeting (id),
    approved_by          uuid        REFERENCES account (id),
    approved_at          timestamptz,
    CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
    CHECK ((approved_at IS NULL) = (approved_at_meeting IS NULL))
);

CREATE TABLE minutes_correction (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id  uuid        NOT NULL REFERENCES minutes (meeting_id),
    motion_id   uuid        NOT NULL UNIQUE REFERENCES motion (id),
    recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION refuse_locked_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.approved_at IS NOT NULL THEN
        RAISE EXCEPTION 'minutes of meeting % are approved and locked', OLD.meeting_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER minutes_locked_after_approval BEFORE UPDATE OR DELETE ON minutes
    FOR EACH ROW EXECUTE FUNCTION refuse_locked_minutes();

-- Who was sent notice, attendance, quorum and corrections are history.
CREATE TRIGGER meeting_notice_append_only BEFORE UPDATE OR DELETE ON meeting_notice
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER attendance_event_append_only BEFORE UPDATE OR DELETE ON attendance_event
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER quorum_event_append_only BEFORE UPDATE OR DELETE ON quorum_event
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER minutes_correction_append_only BEFORE UPDATE OR DELETE ON minutes_correction
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
