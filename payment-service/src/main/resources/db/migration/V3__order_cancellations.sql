-- Orders this service has been told are cancelled. A PaymentRequested that arrives after the cancellation is not
-- charged, and a payment that succeeds after it (a late provider answer, a webhook) is refunded at once.
CREATE TABLE order_cancellations (
    order_id     uuid PRIMARY KEY,
    reason       varchar(32) NOT NULL,
    cancelled_at timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
