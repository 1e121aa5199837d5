-- Every refund of a PayPal dues payment, partial ones too, with its amount. A payment is withdrawn
-- (dues_withdrawal) only once its refunds add up to what was paid: refunding part of a month does
-- not cost the member the month. Keyed by PayPal's refund id, so a retried event adds nothing; a
-- refund may arrive before the sale it refunds (the sale's reference is not a foreign key).
CREATE TABLE dues_refund (
    refund_id     text          PRIMARY KEY CHECK (length(refund_id) BETWEEN 1 AND 200),
    source        text          NOT NULL CHECK (source IN ('hand', 'paypal')),
    reference     text          NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    amount        numeric(15,3) NOT NULL CHECK (amount > 0),
    currency      char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    refunded_on   date          NOT NULL,
    recorded_at   timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX dues_refund_reference ON dues_refund (source, reference);

CREATE TRIGGER dues_refund_append_only BEFORE UPDATE OR DELETE ON dues_refund
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER dues_refund_no_truncate BEFORE TRUNCATE ON dues_refund
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
