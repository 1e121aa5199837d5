-- Statutory filings (the annual return, the financial statements...) with their due dates. The
-- secretary is reminded by e-mail once, remind_days_before the due day; reminded_at records it.
CREATE TABLE filing (
    id                 uuid        PRIMARY KEY,
    title_en           text        NOT NULL CHECK (length(btrim(title_en)) BETWEEN 1 AND 200),
    title_fr           text        NOT NULL CHECK (length(btrim(title_fr)) BETWEEN 1 AND 200),
    authority          text        NOT NULL DEFAULT '' CHECK (length(authority) <= 200),
    due_on             date        NOT NULL,
    remind_days_before integer     NOT NULL DEFAULT 30 CHECK (remind_days_before BETWEEN 0 AND 365),
    reminded_at        timestamptz,
    filed_on           date,
    filed_by           uuid        REFERENCES account (id),
    created_by         uuid        NOT NULL REFERENCES account (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((filed_on IS NULL) = (filed_by IS NULL))
);
CREATE INDEX filing_due ON filing (due_on) WHERE filed_on IS NULL;
