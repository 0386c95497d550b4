-- The transactional outbox, as platform's Outbox and OutboxRelay expect it. A service that publishes events
-- creates it with a Flyway migration of its own holding exactly this script.

CREATE TABLE outbox (
    -- Append order: the relay publishes in this order, which is commit order for one aggregate because the
    -- transaction that appends an aggregate's event also changes (and so locks) that aggregate.
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      uuid         NOT NULL,
    topic         varchar(249) NOT NULL,
    record_key    varchar(255) NOT NULL,  -- the aggregate id: Kafka record key and CloudEvents subject
    event_type    varchar(255) NOT NULL,  -- CloudEvents type, such as shopflow.order.placed.v1
    occurred_at   timestamptz  NOT NULL,
    payload       text         NOT NULL,  -- the event as JSON
    headers       jsonb        NOT NULL DEFAULT '{}'::jsonb,  -- extra record headers (trace context)
    created_at    timestamptz  NOT NULL DEFAULT now(),
    sent_at       timestamptz,
    attempts      integer      NOT NULL DEFAULT 0,
    last_error    text,
    CONSTRAINT outbox_event_id_key UNIQUE (event_id)
);

-- What the relay reads: pending rows in order, and pending rows of one key.
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_pending_key_idx ON outbox (record_key, id) WHERE sent_at IS NULL;
-- What the clean-up deletes.
CREATE INDEX outbox_sent_idx ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Wakes the relay as soon as a transaction that appended events commits (NOTIFY is delivered on commit).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_appended AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
