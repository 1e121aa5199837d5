-- The foundation itself: exactly one row, written by first-run setup.
CREATE TABLE foundation (
    id               smallint    PRIMARY KEY CHECK (id = 1),
    name             text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    default_currency char(3)     NOT NULL CHECK (default_currency ~ '^[A-Z]{3}$'),
    time_zone        text        NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- People who sign in. E-mail addresses are unique whatever their case.
CREATE TABLE account (
    id                 uuid        PRIMARY KEY,
    email              text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    display_name       text        NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
    password_hash      text,
    preferred_language varchar(2)  NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en', 'fr')),
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_email_unique ON account (lower(email));

CREATE TABLE account_role (
    account_id uuid NOT NULL REFERENCES account (id),
    role       text NOT NULL CHECK (role IN ('member', 'treasurer', 'secretary', 'board', 'admin')),
    PRIMARY KEY (account_id, role)
);

-- The one-time setup link printed while no administrator exists. Only its SHA-256 is kept.
CREATE TABLE setup_token (
    token_hash bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Bearer tokens for API clients. Only their SHA-256 is kept.
CREATE TABLE access_token (
    token_hash bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    account_id uuid        NOT NULL REFERENCES account (id),
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > issued_at)
);
CREATE INDEX access_token_account ON access_token (account_id);

-- Sign-in attempts, for throttling per account and per address across server instances.
CREATE TABLE login_attempt (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_key  text        NOT NULL,
    address      text        NOT NULL,
    succeeded    boolean     NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_by_account ON login_attempt (account_key, attempted_at);
CREATE INDEX login_attempt_by_address ON login_attempt (address, attempted_at);
