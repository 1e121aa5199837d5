-- PayPal dues beyond a payment: a refunded or reversed payment is withdrawn (a new dated record;
-- the payment itself is never changed), and a subscription's changes of status are kept, dated by
-- PayPal's event, so that the member and the board see "cancelled" or "expired" whatever order the
-- events arrived in.

-- A dues payment that no longer counts. Keyed by the payment's source and reference (PayPal's sale
-- id) rather than by the payment row: a refund may arrive before the sale it refunds.
CREATE TABLE dues_withdrawal (
    id              uuid        PRIMARY KEY,
    source          text        NOT NULL CHECK (source IN ('hand', 'paypal')),
    reference     text        NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    account_id    uuid        REFERENCES membership (account_id),
    withdrawn_on  date        NOT NULL,
    cause         text        NOT NULL CHECK (cause IN ('refunded', 'reversed')),
    cause_reference text      NOT NULL CHECK (length(cause_reference) <= 200),
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, reference)
);

-- A member's PayPal subscription as PayPal's events describe it, one row per event (applied once:
-- the finance schema's event store deduplicates deliveries by PayPal's event id).
CREATE TABLE dues_subscription_change (
    id               uuid        PRIMARY KEY,
    account_id       uuid        NOT NULL REFERENCES membership (account_id),
    subscription_id  text        NOT NULL CHECK (length(subscription_id) BETWEEN 1 AND 200),
    status           text        NOT NULL CHECK (status IN ('active', 'suspended', 'cancelled', 'expired')),
    changed_at       timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dues_subscription_change_account ON dues_subscription_change (account_id, changed_at);

CREATE TRIGGER dues_withdrawal_append_only BEFORE UPDATE OR DELETE ON dues_withdrawal
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER dues_withdrawal_no_truncate BEFORE TRUNCATE ON dues_withdrawal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER dues_subscription_change_append_only BEFORE UPDATE OR DELETE ON dues_subscription_change
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER dues_subscription_change_no_truncate BEFORE TRUNCATE ON dues_subscription_change
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
