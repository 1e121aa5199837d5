-- The instance's figures per month, typed or taken from Mastodon's admin API, kept so that a
-- report never changes when Mastodon's counters expire.
CREATE TABLE reports.instance_figures (
    month             date PRIMARY KEY CHECK (extract(day FROM month) = 1),
    users             bigint NOT NULL CHECK (users >= 0),
    active_users      bigint NOT NULL CHECK (active_users >= 0),
    new_users         bigint NOT NULL CHECK (new_users >= 0),
    reports_opened    bigint NOT NULL CHECK (reports_opened >= 0),
    reports_resolved  bigint NOT NULL CHECK (reports_resolved >= 0),
    appeals_received  bigint CHECK (appeals_received >= 0),
    appeals_approved  bigint CHECK (appeals_approved >= 0 AND appeals_approved <= appeals_received),
    source            text NOT NULL CHECK (source IN ('mastodon', 'hand')),
    recorded_by       text NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now()
);

-- One row per report version. A draft (at most one per month) holds only its narrative: its
-- figures are computed from the books whenever it is shown. Publishing freezes the figures, the
-- PDF, its SHA-256 and the signature; from then on the row never changes (trigger below). A
-- correction is a later version of the same month naming the version it replaces.
CREATE TABLE reports.monthly_report (
    id             uuid PRIMARY KEY,
    month          date NOT NULL CHECK (extract(day FROM month) = 1),
    state          text NOT NULL CHECK (state IN ('draft', 'published')),
    version        integer CHECK (version >= 1),
    narrative_en   text NOT NULL DEFAULT '' CHECK (length(narrative_en) <= 20000),
    narrative_fr   text NOT NULL DEFAULT '' CHECK (length(narrative_fr) <= 20000),
    figures        jsonb,
    pdf            bytea,
    pdf_sha256     text,
    signature      text,
    replaces       uuid REFERENCES reports.monthly_report (id),
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    published_by   text,
    published_at   timestamptz,
    CHECK (state = 'draft' OR (version IS NOT NULL AND figures IS NOT NULL AND pdf IS NOT NULL
           AND pdf_sha256 IS NOT NULL AND signature IS NOT NULL AND published_by IS NOT NULL
           AND published_at IS NOT NULL))
);
CREATE UNIQUE INDEX monthly_report_one_draft ON reports.monthly_report (month) WHERE state = 'draft';
CREATE UNIQUE INDEX monthly_report_version ON reports.monthly_report (month, version) WHERE state = 'published';
CREATE UNIQUE INDEX monthly_report_replaced_once ON reports.monthly_report (replaces) WHERE replaces IS NOT NULL;
CREATE INDEX monthly_report_sha256 ON reports.monthly_report (pdf_sha256) WHERE pdf_sha256 IS NOT NULL;

-- A published report is immutable: the database refuses to change or remove it, whoever asks.
CREATE FUNCTION reports.keep_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state = 'published' THEN
        RAISE EXCEPTION 'published report % (% version %) is immutable: % refused', OLD.id, OLD.month, OLD.version, TG_OP
            USING ERRCODE = 'P0001', HINT = 'publish a correction instead';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER monthly_report_published_immutable BEFORE UPDATE OR DELETE ON reports.monthly_report
    FOR EACH ROW EXECUTE FUNCTION reports.keep_published();
CREATE FUNCTION reports.refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'reports.monthly_report keeps published reports: TRUNCATE refused' USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER monthly_report_no_truncate BEFORE TRUNCATE ON reports.monthly_report
    FOR EACH STATEMENT EXECUTE FUNCTION reports.refuse_truncate();
