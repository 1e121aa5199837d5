-- The balance check needs only the statement's own postings: every statement that adds
-- postings is checked, so if each statement's postings balance per entry and currency, every
-- entry's postings balance (by induction from an empty table). Summing the whole posting table
-- for the touched entries cost a scan that grew with the ledger: a 100,000-row import spent most
-- of its time there.
CREATE OR REPLACE FUNCTION finance.check_new_postings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    offending record;
BEGIN
    SELECT n.entry_id, n.entry_date INTO offending
      FROM new_postings n JOIN finance.closed_month c ON c.month = date_trunc('month', n.entry_date)::date
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'month of % is closed: entry % refused', offending.entry_date, offending.entry_id
            USING ERRCODE = 'P0002';
    END IF;
    SELECT n.entry_id INTO offending
      FROM new_postings n LEFT JOIN finance.journal_entry e ON e.id = n.entry_id
     WHERE e.id IS NULL OR e.entry_date <> n.entry_date
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'postings of entry % have no such entry or are not dated on its date', offending.entry_id
            USING ERRCODE = 'P0003';
    END IF;
    SELECT n.account_code INTO offending
      FROM new_postings n LEFT JOIN finance.account a ON a.code = n.account_code
     WHERE a.code IS NULL
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'no account %', offending.account_code USING ERRCODE = 'P0005';
    END IF;
    SELECT n.entry_id, n.currency, sum(n.amount) AS total INTO offending
      FROM new_postings n
     GROUP BY n.entry_id, n.currency
    HAVING sum(n.amount) <> 0
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'entry % does not balance in %: postings sum to %', offending.entry_id,
            offending.currency, offending.total USING ERRCODE = 'P0004';
    END IF;
    RETURN NULL;
END $$;

