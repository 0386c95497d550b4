package dev.shopflow.payment.charge.web;

import dev.shopflow.payment.charge.Payments;
import dev.shopflow.payment.charge.domain.Payment;
import dev.shopflow.payment.money.Money;
import dev.shopflow.platform.security.AuthenticatedUser;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class PaymentController {

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    record PaymentsResponse(List<PaymentResponse> items) {
    }

    /**
     * @param declineCode   Stripe's decline code when the charge was declined; otherwise {@code null}
     * @param failureReason why the charge failed, in words a customer could read; otherwise {@code null}
     */
    record PaymentResponse(UUID id, UUID orderId, String status, Money amount, String provider, String declineCode,
            String failureReason) {

        static PaymentResponse of(Payment payment) {
            return new PaymentResponse(payment.id(), payment.orderId(), payment.status().name(), payment.amount(),
                    payment.provider(), payment.declineCode(), payment.failureReason());
        }
    }

    /**
     * The order's payments, to the order's customer and administrators: 200 {@code {"items":[Payment]}}; 404 when
     * the order has no payment yet or it is someone else's (one answer for both); 400 when {@code orderId} is
     * missing or not a UUID.
     */
    @GetMapping("/api/payments")
    Mono<PaymentsResponse> forOrder(@RequestParam UUID orderId, AuthenticatedUser caller) {
        return payments.findForOrder(orderId, caller)
                .map(found -> new PaymentsResponse(found.stream().map(PaymentResponse::of).toList()));
    }
}
