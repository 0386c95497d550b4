-- The catalog and its stock. Prices are minor units plus an ISO 4217 currency, never floating point.

CREATE TABLE categories (
    id   uuid PRIMARY KEY,
    slug varchar(64)  NOT NULL,
    name varchar(100) NOT NULL,
    CONSTRAINT categories_slug_key UNIQUE (slug)
);

CREATE TABLE products (
    id             uuid PRIMARY KEY,
    sku            varchar(32)  NOT NULL,
    name           varchar(200) NOT NULL,
    description    text         NOT NULL DEFAULT '',
    category_id    uuid         NOT NULL REFERENCES categories (id),
    price_amount   bigint       NOT NULL,
    price_currency char(3)      NOT NULL,
    image_url      varchar(500),
    attributes     jsonb        NOT NULL DEFAULT '{}'::jsonb,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT products_sku_key UNIQUE (sku),
    CONSTRAINT products_price_not_negative CHECK (price_amount >= 0),
    CONSTRAINT products_currency_is_iso CHECK (price_currency ~ '^[A-Z]{3}$')
);
CREATE INDEX products_category_idx ON products (category_id);

-- Stock on hand and the part of it held by reservations; available = on_hand - reserved, never below zero.
CREATE TABLE stock (
    product_id uuid PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    on_hand    integer NOT NULL,
    reserved   integer NOT NULL DEFAULT 0,
    version    bigint  NOT NULL DEFAULT 0,
    CONSTRAINT stock_on_hand_not_negative CHECK (on_hand >= 0),
    CONSTRAINT stock_reserved_within_on_hand CHECK (reserved >= 0 AND reserved <= on_hand)
);

-- One line of an order's reservation: held until the order is confirmed (committed) or cancelled (released).
CREATE TABLE stock_reservations (
    order_id   uuid        NOT NULL,
    product_id uuid        NOT NULL REFERENCES products (id),
    quantity   integer     NOT NULL,
    status     varchar(16) NOT NULL DEFAULT 'RESERVED',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, product_id),
    CONSTRAINT stock_reservations_quantity_positive CHECK (quantity > 0),
    CONSTRAINT stock_reservations_status_known CHECK (status IN ('RESERVED', 'COMMITTED', 'RELEASED'))
);
CREATE INDEX stock_reservations_product_idx ON stock_reservations (product_id) WHERE status = 'RESERVED';
