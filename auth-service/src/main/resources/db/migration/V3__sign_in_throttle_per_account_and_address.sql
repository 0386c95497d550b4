-- Sign-in throttling per account and client address (ADR 0011). login_throttle now also counts subjects
-- 'account+address:<email> <address>', longer than the 300 characters the first version allowed.
ALTER TABLE login_throttle ALTER COLUMN subject TYPE text;

-- The addresses each account has signed in from successfully. A sign-in from one of them is held back only by the
-- failures that came from that address itself, so strangers elsewhere cannot lock the owner out. Keyed by the
-- normalised email, as the throttle is, so that nothing here depends on whether an account exists.
CREATE TABLE known_sign_in_addresses (
    email             varchar(254) NOT NULL,
    address           text         NOT NULL,
    last_signed_in_at timestamptz  NOT NULL,
    PRIMARY KEY (email, address)
);
CREATE INDEX known_sign_in_addresses_last_signed_in_idx ON known_sign_in_addresses (last_signed_in_at);
