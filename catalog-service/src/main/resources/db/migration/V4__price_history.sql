-- Each price a product had before its current one, and when it was replaced. Inventory honours an order placed at
-- a price replaced less than shopflow.catalog.price-grace ago (the order was priced just before the change), and
-- refuses any other price it did not publish (ADR 0012). Kept after the grace period: what a product cost when.
CREATE TABLE price_history (
    product_id  uuid        NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    amount      bigint      NOT NULL,
    currency    char(3)     NOT NULL,
    replaced_at timestamptz NOT NULL,
    CONSTRAINT price_history_amount_not_negative CHECK (amount >= 0)
);
CREATE INDEX price_history_product_idx ON price_history (product_id, replaced_at);
