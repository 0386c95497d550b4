-- A new cancellation reason: catalog refused to reserve an order whose unit price it had not published (ADR 0012).
ALTER TABLE orders DROP CONSTRAINT orders_reason_known;
ALTER TABLE orders ADD CONSTRAINT orders_reason_known CHECK (cancellation_reason IN
    ('OUT_OF_STOCK', 'PAYMENT_DECLINED', 'CUSTOMER_CANCELLED', 'TIMED_OUT', 'PRICE_CHANGED'));
