-- Failed sign-ins per account (subject 'account:<email>') and per client address ('address:<ip>'). Kept in the
-- database so that a lockout holds across restarts and across several instances of the service.
CREATE TABLE login_throttle (
    subject         varchar(300) PRIMARY KEY,
    failures        integer      NOT NULL,
    last_failure_at timestamptz  NOT NULL,
    locked_until    timestamptz
);
CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at);
