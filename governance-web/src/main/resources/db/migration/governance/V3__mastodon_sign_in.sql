-- Signing in with a Mastodon account (OAuth 2 authorization code with PKCE).

-- The OAuth application Herdbook registered on a Mastodon instance (POST /api/v1/apps), once
-- per instance, redirect URI and scopes: a new base URL or scope list registers a new one.
-- The client secret must be kept to exchange codes; it only lets a caller act as this
-- application, never as a person.
CREATE TABLE mastodon_app (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instance      text        NOT NULL CHECK (instance ~ '^https?://[^/?#@\s]+$'),
    client_id     text        NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
    client_secret text        NOT NULL CHECK (length(client_secret) BETWEEN 1 AND 500),
    redirect_uri  text        NOT NULL CHECK (length(redirect_uri) BETWEEN 1 AND 2000),
    scopes        text        NOT NULL CHECK (length(scopes) BETWEEN 1 AND 200),
    registered_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (instance, redirect_uri, scopes)
);

-- A Mastodon account linked to a Herdbook account: its stable id on that instance and the
-- acct (user name) it had when last seen. One Herdbook account per Mastodon account, and one
-- Mastodon account per Herdbook account and instance. The access token is never kept.
CREATE TABLE mastodon_identity (
    account_id  uuid        NOT NULL REFERENCES account (id),
    instance    text        NOT NULL CHECK (instance ~ '^https?://[^/?#@\s]+$'),
    mastodon_id text        NOT NULL CHECK (length(mastodon_id) BETWEEN 1 AND 64),
    acct        text        NOT NULL CHECK (length(acct) BETWEEN 1 AND 320),
    linked_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, instance),
    CONSTRAINT mastodon_identity_unique UNIQUE (instance, mastodon_id)
);
