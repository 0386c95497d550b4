-- Payments (one per order), their refunds, and the Stripe webhook events already handled.

CREATE TABLE payments (
    id                  uuid PRIMARY KEY,
    order_id            uuid         NOT NULL,
    user_id             uuid         NOT NULL,
    status              varchar(16)  NOT NULL,
    amount              bigint       NOT NULL,
    currency            char(3)      NOT NULL,
    provider            varchar(16)  NOT NULL,
    payment_method      varchar(100) NOT NULL,
    provider_payment_id varchar(255),
    decline_code        varchar(64),
    failure_reason      text,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    version             bigint       NOT NULL DEFAULT 0,
    -- One payment per order is what makes a redelivered PaymentRequested unable to charge twice.
    CONSTRAINT payments_order_key UNIQUE (order_id),
    CONSTRAINT payments_status_known CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED')),
    CONSTRAINT payments_amount_not_negative CHECK (amount >= 0)
);
CREATE UNIQUE INDEX payments_provider_payment_idx ON payments (provider_payment_id) WHERE provider_payment_id IS NOT NULL;

CREATE TABLE refunds (
    id                 uuid PRIMARY KEY,
    payment_id         uuid        NOT NULL REFERENCES payments (id),
    amount             bigint      NOT NULL,
    currency           char(3)     NOT NULL,
    status             varchar(16) NOT NULL,
    provider_refund_id varchar(255),
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT refunds_one_per_payment UNIQUE (payment_id),
    CONSTRAINT refunds_status_known CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED'))
);

-- Stripe may deliver a webhook event more than once; its id is recorded once.
CREATE TABLE stripe_events (
    event_id    varchar(255) PRIMARY KEY,
    type        varchar(100) NOT NULL,
    received_at timestamptz  NOT NULL DEFAULT now()
);
