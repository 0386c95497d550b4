-- Accounts, refresh tokens and the keys that sign access tokens.

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         varchar(254) NOT NULL,
    name          varchar(100) NOT NULL,
    password_hash varchar(255) NOT NULL,             -- DelegatingPasswordEncoder format: {bcrypt}... or {argon2}...
    roles         text[]       NOT NULL DEFAULT ARRAY['CUSTOMER'],
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_email_is_normalised CHECK (email = lower(btrim(email))),
    CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['CUSTOMER', 'ADMIN']::text[] AND cardinality(roles) > 0)
);

-- Opaque refresh tokens are stored only as a SHA-256 hash. Tokens issued by rotation share a family, so that
-- presenting an already-rotated token can revoke every token of that family.
CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    token_hash  bytea       NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz,
    revoked_at  timestamptz,
    CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash),
    CONSTRAINT refresh_tokens_expire_after_issue CHECK (expires_at > issued_at)
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- RSA key pairs for RS256. Several can be published in the JWKS at once while keys rotate; one signs.
CREATE TABLE signing_keys (
    kid             varchar(64) PRIMARY KEY,
    algorithm       varchar(16) NOT NULL DEFAULT 'RS256',
    public_key_pem  text        NOT NULL,
    private_key_pem text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    retired_at      timestamptz
);
