-- The idempotent inbox, as platform's Inbox expects it. A service that consumes events creates it with a Flyway
-- migration of its own holding exactly this script.

CREATE TABLE inbox (
    consumer    varchar(100) NOT NULL,  -- who applied the event, such as catalog.reservations
    event_id    uuid         NOT NULL,  -- CloudEvents id
    event_type  varchar(255) NOT NULL,
    applied_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
