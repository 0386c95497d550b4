-- Stripe never gives two charges one PaymentIntent id, but stripe-mock (which answers every request with the same
-- canned object) does: with a unique index the second order charged through stripe-mock could not be recorded and
-- its PaymentRequested would end as a dead letter. One payment per order (payments_order_key) is what prevents a
-- double charge; the provider's id only needs to be found quickly.
DROP INDEX payments_provider_payment_idx;
CREATE INDEX payments_provider_payment_idx ON payments (provider_payment_id) WHERE provider_payment_id IS NOT NULL;
