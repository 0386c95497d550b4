package dev.shopflow.payment.charge.web;

import dev.shopflow.payment.charge.Payments;
import dev.shopflow.payment.charge.domain.Payment;
import dev.shopflow.payment.money.Money;
import dev.shopflow.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Payments", description = "The payments of the caller's orders")
class PaymentController {

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    @Schema(name = "PaymentList")
    record PaymentsResponse(List<PaymentResponse> items) {
    }

    /**
     * @param declineCode   Stripe's decline code when the charge was declined; otherwise {@code null}
     * @param failureReason why the charge failed, in words a customer could read; otherwise {@code null}
     */
    @Schema(name = "Payment")
    record PaymentResponse(
            @Schema(example = "9d1f4e2a-6b7c-4d8e-8f90-a1b2c3d4e5f6") UUID id,
            @Schema(example = "0b7e7c1a-3f4d-4c55-9a8e-5d2f6b1c9e70") UUID orderId,
            @Schema(allowableValues = {"PENDING", "SUCCEEDED", "FAILED", "REFUNDED"}, example = "SUCCEEDED")
            String status,
            Money amount,
            @Schema(description = "simulated or stripe", example = "simulated") String provider,
            @Schema(nullable = true, description = "The provider's decline code when the charge was declined; "
                    + "otherwise null") String declineCode,
            @Schema(nullable = true, description = "Why the charge failed, in words a customer could read; "
                    + "otherwise null") String failureReason) {

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
    @Operation(operationId = "listPayments", summary = "An order's payments",
            description = "The order's payments, to the order's customer and to administrators.")
    @ApiResponse(responseCode = "200", description = "The payments")
    @ApiResponse(responseCode = "400", description = "orderId is missing or not a UUID")
    @ApiResponse(responseCode = "404", description = "The order has no payment yet, or it is someone else's "
            + "(payment-not-found: one answer for both)")
    Mono<PaymentsResponse> forOrder(@Parameter(description = "The order whose payments to list") @RequestParam UUID orderId,
            AuthenticatedUser caller) {
        return payments.findForOrder(orderId, caller)
                .map(found -> new PaymentsResponse(found.stream().map(PaymentResponse::of).toList()));
    }
}
