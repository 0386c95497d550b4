package dev.shopflow.order.ordering.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A checkout: of the cart when {@code items} is absent or empty, otherwise "buy now" of exactly these items.
 *
 * @param paymentMethod a Stripe payment method id, such as {@code pm_card_visa}
 */
record PlaceOrderRequest(
        @Schema(description = "A Stripe payment method id", example = "pm_card_visa")
        @NotBlank @Size(max = 100) String paymentMethod,
        @Schema(description = "Buy now: exactly these items; absent or empty: check out the cart")
        @Size(max = 50) List<@NotNull @Valid Item> items) {

    /** A product to buy now and how many. */
    @Schema(name = "PlaceOrderItem")
    record Item(
            @Schema(example = "41f87984-10f1-36da-9b5e-a27f193baa9a") @NotNull UUID productId,
            @Schema(example = "1") @NotNull @Min(1) @Max(99) Integer quantity) {
    }
}
