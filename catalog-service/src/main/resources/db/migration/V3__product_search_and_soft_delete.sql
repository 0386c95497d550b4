-- What the catalog API needs on top of V1: deleting products without losing their history, full-text search, and
-- an index for each order a product list can come in.

-- A deleted product leaves the catalog (reads, search, counts) but keeps its row: reservations and past orders refer
-- to it. Inventory treats a deleted product as unavailable.
ALTER TABLE products ADD COLUMN deleted_at timestamptz;

-- A SKU names one product among those not deleted; a deleted product's SKU may be given to a new one.
ALTER TABLE products DROP CONSTRAINT products_sku_key;
CREATE UNIQUE INDEX products_sku_live_key ON products (sku) WHERE deleted_at IS NULL;

-- Text search: words of the name and the SKU weigh more ('A') than words of the description ('B'), so a product
-- whose name matches ranks above one that only mentions the word. Generated, so it can never be out of date.
ALTER TABLE products ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', name), 'A') ||
    setweight(to_tsvector('english', sku), 'A') ||
    setweight(to_tsvector('english', description), 'B')) STORED;
CREATE INDEX products_search_idx ON products USING gin (search) WHERE deleted_at IS NULL;

-- One index per sort (name, price both ways, newest), each ending with the id that breaks ties.
CREATE INDEX products_name_idx ON products (name, id) WHERE deleted_at IS NULL;
CREATE INDEX products_price_idx ON products (price_amount, id) WHERE deleted_at IS NULL;
CREATE INDEX products_newest_idx ON products (created_at DESC, id DESC) WHERE deleted_at IS NULL;
