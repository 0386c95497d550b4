package dev.shopflow.order.cart.web;

import dev.shopflow.order.OrderingProperties;
import dev.shopflow.order.cart.Carts;
import dev.shopflow.order.cart.domain.Cart;
import dev.shopflow.order.money.Money;
import dev.shopflow.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's own cart; there is no way to reach another user's. */
@RestController
@Tag(name = "Cart", description = "The caller's own cart")
class CartController {

    private final Carts carts;
    private final String currency;

    CartController(Carts carts, OrderingProperties properties) {
        this.carts = carts;
        this.currency = properties.currency();
    }

    record AddCartItemRequest(
            @Schema(example = "41f87984-10f1-36da-9b5e-a27f193baa9a") @NotNull UUID productId,
            @Schema(example = "2") @NotNull @Min(1) @Max(99) Integer quantity) {
    }

    record ChangeCartItemRequest(@NotNull @Min(1) @Max(99) Integer quantity) {
    }

    /** DESIGN.md's Cart. */
    @Schema(name = "Cart")
    record CartResponse(List<Item> items, Money total) {

        /** A line as the cart shows it: name and unit price as snapshotted when the product was added. */
        @Schema(name = "CartLine")
        record Item(
                @Schema(example = "41f87984-10f1-36da-9b5e-a27f193baa9a") UUID productId,
                @Schema(example = "Wireless Headphones") String name,
                Money unitPrice,
                @Schema(example = "2") int quantity,
                Money lineTotal) {
        }
    }

    @GetMapping("/api/cart")
    @Operation(operationId = "getCart", summary = "The cart", description = "The caller's cart; empty when there "
            + "is none yet.")
    @ApiResponse(responseCode = "200", description = "The cart")
    Mono<CartResponse> cart(AuthenticatedUser caller) {
        return carts.find(caller.id()).map(this::response);
    }

    /**
     * 200 with the cart; 422 for an unknown product, a quantity outside 1..99 (also in total), a 51st line or a second
     * currency; 503 when catalog cannot be reached.
     */
    @PostMapping("/api/cart/items")
    @Operation(operationId = "addCartItem", summary = "Add a product to the cart",
            description = "Adds the quantity to the product's line (a new line snapshots its name and price).")
    @ApiResponse(responseCode = "200", description = "The cart")
    @ApiResponse(responseCode = "422", description = "An unknown product, a quantity outside 1..99 (also in total), "
            + "a 51st line or a second currency: errors names the field")
    @ApiResponse(responseCode = "503", description = "Catalog cannot be reached; try again later")
    Mono<CartResponse> add(@Valid @RequestBody AddCartItemRequest request, AuthenticatedUser caller) {
        return carts.add(caller.id(), request.productId(), request.quantity()).map(this::response);
    }

    /** 200 with the cart; 404 when the product is not in it; 422 for a quantity outside 1..99. */
    @PatchMapping("/api/cart/items/{productId}")
    @Operation(operationId = "changeCartItem", summary = "Change a line's quantity",
            description = "Sets the quantity of the product's line.")
    @ApiResponse(responseCode = "200", description = "The cart")
    @ApiResponse(responseCode = "404", description = "The product is not in the cart (product-not-in-cart)")
    @ApiResponse(responseCode = "422", description = "A quantity outside 1..99: errors names the field")
    Mono<CartResponse> change(@PathVariable UUID productId, @Valid @RequestBody ChangeCartItemRequest request,
            AuthenticatedUser caller) {
        return carts.changeQuantity(caller.id(), productId, request.quantity()).map(this::response);
    }

    /** 200 with the cart, whether or not it held the product. */
    @DeleteMapping("/api/cart/items/{productId}")
    @Operation(operationId = "removeCartItem", summary = "Remove a product from the cart",
            description = "Removes the product's line, if the cart has one.")
    @ApiResponse(responseCode = "200", description = "The cart")
    Mono<CartResponse> remove(@PathVariable UUID productId, AuthenticatedUser caller) {
        return carts.remove(caller.id(), productId).map(this::response);
    }

    /** 204: the cart is empty. */
    @DeleteMapping("/api/cart")
    @Operation(operationId = "emptyCart", summary = "Empty the cart", description = "Removes every line.")
    @ApiResponse(responseCode = "204", description = "The cart is empty")
    Mono<ResponseEntity<Void>> empty(AuthenticatedUser caller) {
        return carts.empty(caller.id()).thenReturn(ResponseEntity.noContent().build());
    }

    private CartResponse response(Cart cart) {
        return new CartResponse(cart.lines().stream()
                .map(line -> new CartResponse.Item(line.productId(), line.name(), line.unitPrice(), line.quantity(),
                        line.lineTotal()))
                .toList(), cart.total(currency));
    }
}
