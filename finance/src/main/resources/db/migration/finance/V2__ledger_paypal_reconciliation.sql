-- The double-entry ledger, PayPal statement lines, reconciliation, expenses and sponsorships.
-- Amounts are numeric at their currency's scale (written by org.herdbook.finance.money.Money);
-- a posting's amount is positive for a debit and negative for a credit.

CREATE TABLE finance.account (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z.-]{1,20}$'),
    kind        text NOT NULL CHECK (kind IN ('asset', 'liability', 'equity', 'income', 'expense')),
    -- What the bookkeeping code relies on an account for (the PayPal balance, the fee account ...).
    purpose     text UNIQUE,
    name_en     text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    name_fr     text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO finance.account (code, kind, purpose, name_en, name_fr) VALUES
    ('1000', 'asset',   'bank',           'Bank account',                       'Compte bancaire'),
    ('1010', 'asset',   'paypal',         'PayPal balance',                     'Solde PayPal'),
    ('1020', 'asset',   'paypal-held',    'PayPal funds on hold',               'Fonds PayPal en réserve'),
    ('3900', 'equity',  'conversion',     'Currency conversions',               'Conversions de devises'),
    ('4000', 'income',  'dues',           'Membership dues',                    'Cotisations des membres'),
    ('4100', 'income',  'donations',      'Donations',                          'Dons'),
    ('4200', 'income',  'sponsorships',   'Sponsorships',                       'Commandites'),
    ('4900', 'income',  'other-income',   'Other income',                       'Autres revenus'),
    ('5000', 'expense', NULL,             'Hosting — compute',                  'Hébergement — calcul'),
    ('5010', 'expense', NULL,             'Hosting — managed databases',        'Hébergement — bases de données gérées'),
    ('5020', 'expense', NULL,             'Hosting — object storage',           'Hébergement — stockage objet'),
    ('5030', 'expense', NULL,             'Hosting — load balancer',            'Hébergement — répartiteur de charge'),
    ('5100', 'expense', NULL,             'CDN',                                'Réseau de diffusion de contenu (CDN)'),
    ('5200', 'expense', NULL,             'Domains',                            'Noms de domaine'),
    ('5300', 'expense', NULL,             'E-mail delivery',                    'Envoi de courriels'),
    ('5400', 'expense', NULL,             'Legal',                              'Frais juridiques'),
    ('5500', 'expense', NULL,             'Upstream open-source donations',     'Dons aux projets libres en amont'),
    ('5900', 'expense', 'other-expense',  'Other expenses',                     'Autres dépenses'),
    ('6000', 'expense', 'fees',           'Payment processing fees',            'Frais de traitement des paiements');

CREATE TABLE finance.closed_month (
    month      date PRIMARY KEY CHECK (extract(day FROM month) = 1),
    closed_at  timestamptz NOT NULL DEFAULT now(),
    closed_by  text NOT NULL
);

CREATE TABLE finance.journal_entry (
    id             uuid PRIMARY KEY,
    entry_date     date NOT NULL,                       -- booked on, in the foundation's time zone
    occurred_at    timestamptz NOT NULL,                -- when it happened
    recorded_at    timestamptz NOT NULL DEFAULT now(),  -- when Herdbook stored it
    description    text NOT NULL,
    source         text NOT NULL CHECK (source IN ('manual', 'paypal', 'expense', 'reversal')),
    paypal_txn_id  text,
    reverses       uuid REFERENCES finance.journal_entry (id),
    exchange_rate  numeric,                             -- the rate PayPal applied, on conversions
    recorded_by    text NOT NULL
);
-- An entry is reversed at most once.
CREATE UNIQUE INDEX journal_entry_reversed_once ON finance.journal_entry (reverses) WHERE reverses IS NOT NULL;
CREATE INDEX journal_entry_paypal_txn ON finance.journal_entry (paypal_txn_id) WHERE paypal_txn_id IS NOT NULL;
CREATE INDEX journal_entry_date ON finance.journal_entry (entry_date);

CREATE TABLE finance.posting (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    -- entry_id and account_code are checked once per statement by posting_checked below rather than
    -- by foreign keys, whose row-by-row checks made a 100,000-transaction import several times slower.
    -- Neither entries nor accounts can be deleted, so a checked reference stays valid.
    entry_id      uuid NOT NULL,
    entry_date    date NOT NULL,       -- the entry's date, here so that closed months are checked cheaply
    account_code  text NOT NULL,
    currency      char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount        numeric NOT NULL CHECK (amount <> 0),
    -- One index serves both uniqueness and reading an entry's postings in order.
    PRIMARY KEY (entry_id, id)
);
CREATE INDEX posting_account_date ON finance.posting (account_code, entry_date);

-- Ledger rows are never changed nor removed: corrections are reversing entries.
CREATE FUNCTION finance.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'finance.% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'P0001', HINT = 'book a reversing entry instead';
END $$;

-- After each statement that adds postings: every touched entry balances per currency, its
-- postings carry its date, and none is dated inside a closed month. Statement-level with a
-- transition table, so a bulk import pays once per statement, not once per row; and each check
-- first reduces the statement's postings to what it needs (one row per entry and currency, the
-- distinct accounts, the distinct months), so an entry is looked up once, not once per posting
-- (a 100,000-entry import: 2.4 s of checks down to about 1 s).
CREATE FUNCTION finance.check_new_postings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    offending record;
BEGIN
    SELECT m.month INTO offending
      FROM (SELECT DISTINCT date_trunc('month', n.entry_date)::date AS month FROM new_postings n) m
      JOIN finance.closed_month c ON c.month = m.month
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'month of % is closed: postings refused', offending.month USING ERRCODE = 'P0002';
    END IF;
    SELECT c.account_code INTO offending
      FROM (SELECT DISTINCT n.account_code FROM new_postings n) c
      LEFT JOIN finance.account a ON a.code = c.account_code
     WHERE a.code IS NULL
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'no account %', offending.account_code USING ERRCODE = 'P0005';
    END IF;
    -- The statement's own postings are enough for the balance: every statement that adds
    -- postings is checked, so if each one balances per entry and currency, every entry does (by
    -- induction from an empty table). Summing the whole posting table for the touched entries
    -- cost a scan that grew with the ledger.
    SELECT s.entry_id, s.currency, s.total, e.id AS found INTO offending
      FROM (SELECT n.entry_id, n.currency, sum(n.amount) AS total, min(n.entry_date) AS first_date,
                   max(n.entry_date) AS last_date
              FROM new_postings n GROUP BY n.entry_id, n.currency) s
      LEFT JOIN finance.journal_entry e ON e.id = s.entry_id
     WHERE e.id IS NULL OR e.entry_date <> s.first_date OR e.entry_date <> s.last_date OR s.total <> 0
     LIMIT 1;
    IF FOUND AND offending.found IS NULL THEN
        RAISE EXCEPTION 'postings of entry % have no such entry', offending.entry_id USING ERRCODE = 'P0003';
    ELSIF FOUND AND offending.total <> 0 THEN
        RAISE EXCEPTION 'entry % does not balance in %: postings sum to %', offending.entry_id,
            offending.currency, offending.total USING ERRCODE = 'P0004';
    ELSIF FOUND THEN
        RAISE EXCEPTION 'postings of entry % are not dated on its date', offending.entry_id USING ERRCODE = 'P0003';
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION finance.check_new_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    offending record;
BEGIN
    SELECT n.id, n.entry_date INTO offending
      FROM new_entries n JOIN finance.closed_month c ON c.month = date_trunc('month', n.entry_date)::date
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'month of % is closed: entry % refused', offending.entry_date, offending.id
            USING ERRCODE = 'P0002';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER posting_checked AFTER INSERT ON finance.posting
    REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION finance.check_new_postings();
CREATE TRIGGER journal_entry_checked AFTER INSERT ON finance.journal_entry
    REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION finance.check_new_entries();

CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON finance.journal_entry
    FOR EACH ROW EXECUTE FUNCTION finance.refuse_change();
CREATE TRIGGER journal_entry_no_truncate BEFORE TRUNCATE ON finance.journal_entry
    FOR EACH STATEMENT EXECUTE FUNCTION finance.refuse_change();
CREATE TRIGGER posting_append_only BEFORE UPDATE OR DELETE ON finance.posting
    FOR EACH ROW EXECUTE FUNCTION finance.refuse_change();
CREATE TRIGGER posting_no_truncate BEFORE TRUNCATE ON finance.posting
    FOR EACH STATEMENT EXECUTE FUNCTION finance.refuse_change();
CREATE TRIGGER account_never_deleted BEFORE DELETE ON finance.account
    FOR EACH ROW EXECUTE FUNCTION finance.refuse_change();
CREATE TRIGGER account_no_truncate BEFORE TRUNCATE ON finance.account
    FOR EACH STATEMENT EXECUTE FUNCTION finance.refuse_change();
CREATE TRIGGER closed_month_append_only BEFORE UPDATE OR DELETE ON finance.closed_month
    FOR EACH ROW EXECUTE FUNCTION finance.refuse_change();
CREATE TRIGGER closed_month_no_truncate BEFORE TRUNCATE ON finance.closed_month
    FOR EACH STATEMENT EXECUTE FUNCTION finance.refuse_change();

-- One row per import attempt, accepted or rejected, with what was rejected and why.
CREATE TABLE finance.paypal_import (
    id            uuid PRIMARY KEY,
    source        text NOT NULL CHECK (source IN ('activity-csv', 'transaction-search')),
    file_name     text,
    file_sha256   text,
    imported_at   timestamptz NOT NULL DEFAULT now(),
    imported_by   text NOT NULL,
    outcome       text NOT NULL CHECK (outcome IN ('imported', 'rejected')),
    row_count     integer NOT NULL,
    new_lines     integer NOT NULL,
    duplicates    integer NOT NULL,
    booked        integer NOT NULL,
    skipped       integer NOT NULL,
    problems      jsonb NOT NULL DEFAULT '[]'
);

-- PayPal's own account of each transaction, exactly once per transaction id.
CREATE TABLE finance.paypal_line (
    transaction_id    text PRIMARY KEY,
    import_id         uuid NOT NULL,      -- checked per statement (paypal_line_checked), see finance.posting
    occurred_at       timestamptz NOT NULL,
    line_date         date NOT NULL,
    kind              text NOT NULL,
    type_label        text NOT NULL,
    status            text NOT NULL,
    currency          char(3) NOT NULL,
    gross             numeric NOT NULL,
    fee               numeric NOT NULL,
    net               numeric NOT NULL,
    reference_txn_id  text,
    counterparty      text
);
CREATE INDEX paypal_line_date ON finance.paypal_line (line_date);
CREATE TRIGGER paypal_line_append_only BEFORE UPDATE OR DELETE ON finance.paypal_line
    FOR EACH ROW EXECUTE FUNCTION finance.refuse_change();
CREATE TRIGGER paypal_line_no_truncate BEFORE TRUNCATE ON finance.paypal_line
    FOR EACH STATEMENT EXECUTE FUNCTION finance.refuse_change();
CREATE TRIGGER paypal_import_kept BEFORE UPDATE OR DELETE ON finance.paypal_import
    FOR EACH ROW EXECUTE FUNCTION finance.refuse_change();

CREATE FUNCTION finance.check_new_paypal_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_lines n LEFT JOIN finance.paypal_import i ON i.id = n.import_id WHERE i.id IS NULL) THEN
        RAISE EXCEPTION 'PayPal lines refer to an unknown import' USING ERRCODE = 'P0005';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER paypal_line_checked AFTER INSERT ON finance.paypal_line
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION finance.check_new_paypal_lines();

-- The treasurer's explanation of a reconciliation difference that needs no booking.
CREATE TABLE finance.reconciliation_acceptance (
    id           uuid PRIMARY KEY,
    month        date NOT NULL CHECK (extract(day FROM month) = 1),
    item         text NOT NULL,      -- 'line:<transaction id>' or 'entry:<entry id>'
    note         text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
    accepted_by  text NOT NULL,
    accepted_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (month, item)
);
CREATE TRIGGER reconciliation_acceptance_append_only BEFORE UPDATE OR DELETE ON finance.reconciliation_acceptance
    FOR EACH ROW EXECUTE FUNCTION finance.refuse_change();

CREATE TABLE finance.expense (
    id                    uuid PRIMARY KEY,
    vendor                text NOT NULL CHECK (length(vendor) BETWEEN 1 AND 200),
    account_code          text NOT NULL REFERENCES finance.account (code),
    paid_from             text NOT NULL REFERENCES finance.account (code),
    spent_on              date NOT NULL,
    currency              char(3) NOT NULL,
    amount                numeric NOT NULL CHECK (amount > 0),
    note                  text,
    invoice               bytea,
    invoice_content_type  text,
    invoice_file_name     text,
    recorded_by           text NOT NULL,
    recorded_at           timestamptz NOT NULL DEFAULT now(),
    needs_approval        boolean NOT NULL,
    approved_by           text,
    approved_at           timestamptz,
    entry_id              uuid REFERENCES finance.journal_entry (id),
    CHECK (approved_by IS NULL OR approved_by <> recorded_by)
);
CREATE INDEX expense_pending ON finance.expense (recorded_at) WHERE entry_id IS NULL;

CREATE TABLE finance.sponsorship (
    id           uuid PRIMARY KEY,
    sponsor      text NOT NULL CHECK (length(sponsor) BETWEEN 1 AND 200),
    public_name  text,
    anonymous    boolean NOT NULL,
    currency     char(3) NOT NULL,
    amount       numeric NOT NULL CHECK (amount > 0),
    starts_on    date NOT NULL,
    ends_on      date NOT NULL CHECK (ends_on >= starts_on),
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
