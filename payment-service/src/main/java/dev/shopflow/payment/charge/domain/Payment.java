package dev.shopflow.payment.charge.domain;

import dev.shopflow.payment.charge.events.PaymentEvent.PaymentFailed;
import dev.shopflow.payment.charge.events.PaymentEvent.PaymentRefunded;
import dev.shopflow.payment.charge.events.PaymentEvent.PaymentSucceeded;
import dev.shopflow.payment.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One order's payment. There is one per order, whatever the number of times the order asks for it.
 *
 * <p>The provider is the source of truth about money. A transition that the provider reports a second time, or
 * reports out of order (webhooks are not ordered), changes nothing and produces no event: {@link #succeed} and
 * {@link #fail} answer empty then. A success is final against a later failure report; a payment marked failed because
 * the provider could not be reached becomes a success when the provider says that it charged after all (and the
 * service then refunds it if the order is cancelled).
 */
public final class Payment {

    /** The reason of a payment that was never attempted because its order had been cancelled. */
    public static final String ORDER_CANCELLED_BEFORE_CHARGE = "The order was cancelled before it was charged.";

    private final UUID id;
    private final UUID orderId;
    private final UUID userId;
    private final Money amount;
    private final String paymentMethod;
    private final String provider;
    private final long version;
    private PaymentStatus status;
    private String providerPaymentId;
    private String declineCode;
    private String failureReason;

    private Payment(UUID id, UUID orderId, UUID userId, Money amount, String paymentMethod, String provider,
            PaymentStatus status, String providerPaymentId, String declineCode, String failureReason, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.paymentMethod = requireText(paymentMethod, "paymentMethod");
        this.provider = requireText(provider, "provider");
        this.status = Objects.requireNonNull(status, "status");
        this.providerPaymentId = providerPaymentId;
        this.declineCode = declineCode;
        this.failureReason = failureReason;
        this.version = version;
    }

    /** A new payment for an order, pending until the provider answers. */
    public static Payment request(UUID orderId, UUID userId, Money amount, String paymentMethod, String provider) {
        return new Payment(UUID.randomUUID(), orderId, userId, amount, paymentMethod, provider, PaymentStatus.PENDING,
                null, null, null, 0);
    }

    /** A payment as it was stored, at the version it was stored with. */
    public static Payment restore(UUID id, UUID orderId, UUID userId, Money amount, String paymentMethod,
            String provider, PaymentStatus status, String providerPaymentId, String declineCode, String failureReason,
            long version) {
        return new Payment(id, orderId, userId, amount, paymentMethod, provider, status, providerPaymentId,
                declineCode, failureReason, version);
    }

    /**
     * The provider charged the customer.
     *
     * @return {@code PaymentSucceeded}, or empty when the payment had succeeded already (or was refunded since)
     */
    public Optional<PaymentSucceeded> succeed(String providerPaymentId, Instant now) {
        if (status == PaymentStatus.SUCCEEDED || status == PaymentStatus.REFUNDED) {
            return Optional.empty();
        }
        status = PaymentStatus.SUCCEEDED;
        rememberProviderPayment(providerPaymentId);
        declineCode = null;
        failureReason = null;
        return Optional.of(new PaymentSucceeded(UUID.randomUUID(), now, orderId, id, amount));
    }

    /**
     * The charge did not happen: the provider declined it, or could not be reached.
     *
     * @param providerPaymentId the provider's id for the attempt, when it made one
     * @param declineCode       Stripe's decline (or error) code; {@code null} when the provider was not reached
     * @return {@code PaymentFailed}, or empty when the payment is already settled (a success stays a success)
     */
    public Optional<PaymentFailed> fail(String providerPaymentId, String declineCode, String reason, Instant now) {
        if (status != PaymentStatus.PENDING) {
            return Optional.empty();
        }
        status = PaymentStatus.FAILED;
        rememberProviderPayment(providerPaymentId);
        this.declineCode = declineCode;
        this.failureReason = requireText(reason, "reason");
        return Optional.of(new PaymentFailed(UUID.randomUUID(), now, orderId, id, declineCode, failureReason));
    }

    /**
     * The order was cancelled before this payment was attempted: it fails without a call to the provider.
     *
     * @return {@code PaymentFailed}, or empty when the payment is not pending
     */
    public Optional<PaymentFailed> failBecauseOrderWasCancelled(Instant now) {
        return fail(null, null, ORDER_CANCELLED_BEFORE_CHARGE, now);
    }

    /**
     * The provider took the payment but has not confirmed it yet (Stripe's {@code processing}): it stays pending, and
     * a webhook settles it.
     */
    public void awaitConfirmation(String providerPaymentId) {
        if (status == PaymentStatus.PENDING) {
            rememberProviderPayment(providerPaymentId);
        }
    }

    /**
     * The whole charge was given back.
     *
     * @return {@code PaymentRefunded}, or empty when it was refunded already
     * @throws PaymentCannotBeRefunded when nothing was charged
     */
    public Optional<PaymentRefunded> refund(Instant now) {
        if (status == PaymentStatus.REFUNDED) {
            return Optional.empty();
        }
        if (status != PaymentStatus.SUCCEEDED) {
            throw new PaymentCannotBeRefunded(this);
        }
        status = PaymentStatus.REFUNDED;
        return Optional.of(new PaymentRefunded(UUID.randomUUID(), now, orderId, id, amount));
    }

    /** Whether the customer's money is taken (and not given back). */
    public boolean isCharged() {
        return status == PaymentStatus.SUCCEEDED;
    }

    public boolean isPending() {
        return status == PaymentStatus.PENDING;
    }

    private void rememberProviderPayment(String providerPaymentId) {
        if (providerPaymentId != null) {
            this.providerPaymentId = providerPaymentId;
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID userId() {
        return userId;
    }

    public Money amount() {
        return amount;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public String provider() {
        return provider;
    }

    public PaymentStatus status() {
        return status;
    }

    /** The provider's id of the charge (a Stripe PaymentIntent id), once the provider has answered. */
    public String providerPaymentId() {
        return providerPaymentId;
    }

    public String declineCode() {
        return declineCode;
    }

    public String failureReason() {
        return failureReason;
    }

    /** The version this payment was loaded at (optimistic locking: a concurrent change makes its save fail). */
    public long version() {
        return version;
    }
}
