-- The payment that confirmed or declined an order (payment-service's id), for support and the timeline.
ALTER TABLE orders ADD COLUMN payment_id uuid;
