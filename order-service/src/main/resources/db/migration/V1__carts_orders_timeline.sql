-- Carts, orders and the saga's timeline. Money is minor units plus an ISO 4217 currency.

CREATE TABLE carts (
    user_id    uuid PRIMARY KEY,
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0
);

-- Name and unit price are snapshotted from the catalog when the item is added.
CREATE TABLE cart_items (
    user_id           uuid         NOT NULL REFERENCES carts (user_id) ON DELETE CASCADE,
    product_id        uuid         NOT NULL,
    name              varchar(200) NOT NULL,
    unit_price_amount bigint       NOT NULL,
    currency          char(3)      NOT NULL,
    quantity          integer      NOT NULL,
    added_at          timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, product_id),
    CONSTRAINT cart_items_quantity_range CHECK (quantity BETWEEN 1 AND 99),
    CONSTRAINT cart_items_price_not_negative CHECK (unit_price_amount >= 0)
);

CREATE TABLE orders (
    id                  uuid PRIMARY KEY,
    user_id             uuid         NOT NULL,
    status              varchar(20)  NOT NULL,
    cancellation_reason varchar(32),
    payment_method      varchar(100) NOT NULL,
    total_amount        bigint       NOT NULL,
    currency            char(3)      NOT NULL,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    version             bigint       NOT NULL DEFAULT 0,
    CONSTRAINT orders_status_known CHECK (status IN ('PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'CANCELLED')),
    CONSTRAINT orders_reason_known CHECK (cancellation_reason IN
        ('OUT_OF_STOCK', 'PAYMENT_DECLINED', 'CUSTOMER_CANCELLED', 'TIMED_OUT')),
    CONSTRAINT orders_reason_only_when_cancelled CHECK ((status = 'CANCELLED') = (cancellation_reason IS NOT NULL)),
    CONSTRAINT orders_total_not_negative CHECK (total_amount >= 0)
);
CREATE INDEX orders_user_newest_idx ON orders (user_id, created_at DESC);
-- The time-out sweep looks only at orders that are not terminal yet.
CREATE INDEX orders_open_idx ON orders (created_at) WHERE status IN ('PENDING', 'AWAITING_PAYMENT');

CREATE TABLE order_items (
    order_id          uuid         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no           integer      NOT NULL,
    product_id        uuid         NOT NULL,
    name              varchar(200) NOT NULL,
    unit_price_amount bigint       NOT NULL,
    quantity          integer      NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_items_quantity_range CHECK (quantity BETWEEN 1 AND 99)
);

-- Every saga step, with the service that acted, for GET /api/orders/{id}/timeline.
CREATE TABLE order_timeline (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    occurred_at timestamptz NOT NULL,
    step        varchar(64) NOT NULL,
    actor       varchar(32) NOT NULL,
    detail      text
);
CREATE INDEX order_timeline_order_idx ON order_timeline (order_id, occurred_at);

-- Checkout idempotency: the same key from the same user returns the same order; another body is refused.
CREATE TABLE idempotency_keys (
    user_id      uuid         NOT NULL,
    key          varchar(255) NOT NULL,
    request_hash bytea        NOT NULL,
    order_id     uuid         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
