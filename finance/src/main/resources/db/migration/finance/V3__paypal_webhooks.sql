-- PayPal webhooks: every verified event kept as received, applied at most once.

-- Transactions also arrive by webhook and from the donation return page.
ALTER TABLE finance.paypal_import DROP CONSTRAINT paypal_import_source_check;
ALTER TABLE finance.paypal_import ADD CONSTRAINT paypal_import_source_check
    CHECK (source IN ('activity-csv', 'transaction-search', 'webhook', 'checkout'));

-- One row per PayPal event id: a second delivery of the same event finds it here and changes
-- nothing (the primary key also settles two deliveries racing each other).
CREATE TABLE finance.paypal_webhook_event (
    event_id           text PRIMARY KEY,
    event_type         text NOT NULL,
    resource_id        text,
    transmission_id    text NOT NULL,
    transmission_time  timestamptz NOT NULL,
    received_at        timestamptz NOT NULL DEFAULT now(),
    outcome            text NOT NULL CHECK (outcome IN ('applied', 'ignored')),
    body               text NOT NULL          -- the raw body, exactly as signed
);
CREATE INDEX paypal_webhook_event_received ON finance.paypal_webhook_event (received_at);
CREATE TRIGGER paypal_webhook_event_append_only BEFORE UPDATE OR DELETE ON finance.paypal_webhook_event
    FOR EACH ROW EXECUTE FUNCTION finance.refuse_change();
CREATE TRIGGER paypal_webhook_event_no_truncate BEFORE TRUNCATE ON finance.paypal_webhook_event
    FOR EACH STATEMENT EXECUTE FUNCTION finance.refuse_change();
