-- Dues through PayPal subscriptions and donations through PayPal orders.

-- The foundation's dues product and its monthly plans (tiers), created at PayPal once.
CREATE TABLE finance.dues_plan (
    plan_id     text PRIMARY KEY,             -- PayPal's plan id
    product_id  text NOT NULL,                -- PayPal's catalog product id
    tier        text NOT NULL,
    position    integer NOT NULL,
    currency    char(3) NOT NULL,
    amount      numeric NOT NULL CHECK (amount > 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text NOT NULL,
    UNIQUE (tier)
);

-- Subscriptions members started from Herdbook; their status is read from PayPal, never stored.
CREATE TABLE finance.dues_subscription (
    subscription_id  text PRIMARY KEY,        -- PayPal's subscription id
    member           text NOT NULL,           -- the member's account id, PayPal's custom_id
    plan_id          text NOT NULL REFERENCES finance.dues_plan (plan_id),
    request_id       uuid NOT NULL UNIQUE,    -- the PayPal-Request-Id it was created with
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dues_subscription_member ON finance.dues_subscription (member, created_at);

-- A donation as the donor started it; the capture is PayPal's answer, recorded once.
CREATE TABLE finance.donation (
    id          uuid PRIMARY KEY,             -- also PayPal's custom_id ("donation:<id>") and request id
    order_id    text NOT NULL UNIQUE,
    currency    char(3) NOT NULL,
    amount      numeric NOT NULL CHECK (amount > 0),
    donor_name  text,                         -- null: anonymous
    message     text,
    language    text NOT NULL CHECK (language IN ('en', 'fr')),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE finance.donation_capture (
    donation_id  uuid PRIMARY KEY REFERENCES finance.donation (id),
    capture_id   text NOT NULL UNIQUE,
    gross        numeric NOT NULL,
    fee          numeric NOT NULL,
    payer_email  text,
    captured_at  timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
-- The thank-you letter goes once, whichever of return page and webhook records the capture first.
CREATE TABLE finance.donation_thanks (
    donation_id  uuid PRIMARY KEY REFERENCES finance.donation (id),
    sent_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER donation_capture_append_only BEFORE UPDATE OR DELETE ON finance.donation_capture
    FOR EACH ROW EXECUTE FUNCTION finance.refuse_change();
CREATE TRIGGER dues_plan_append_only BEFORE UPDATE OR DELETE ON finance.dues_plan
    FOR EACH ROW EXECUTE FUNCTION finance.refuse_change();
