package dev.shopflow.order.ordering.web;

import dev.shopflow.order.OrderingProperties;
import dev.shopflow.order.ordering.OrderStreams;
import dev.shopflow.order.ordering.Orders;
import dev.shopflow.order.ordering.PlaceOrderCommand;
import dev.shopflow.order.ordering.TimelineStep;
import dev.shopflow.platform.security.AuthenticatedUser;
import dev.shopflow.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Orders", description = "Checkout and the caller's orders")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_PAGE_SIZE = 100;

    private final Orders orders;
    private final OrderStreams streams;
    private final Duration keepAlive;

    OrderController(Orders orders, OrderStreams streams, OrderingProperties properties) {
        this.orders = orders;
        this.streams = streams;
        this.keepAlive = properties.streamKeepAlive();
    }

    @Schema(name = "OrderPage")
    record OrderPageResponse(List<OrderResponse> items, int page, int size, long totalItems, long totalPages) {
    }

    @Schema(name = "Timeline")
    record TimelineResponse(List<TimelineStepResponse> items) {

        static TimelineResponse of(List<TimelineStep> steps) {
            return new TimelineResponse(steps.stream()
                    .map(step -> new TimelineStepResponse(step.occurredAt(), step.step(), step.actor(), step.detail()))
                    .toList());
        }
    }

    /**
     * One step of the order's saga.
     *
     * @param step  such as {@code ORDER_PLACED}, {@code STOCK_RESERVED}, {@code PAYMENT_FAILED}
     * @param actor the service that acted
     */
    @Schema(name = "TimelineStep")
    record TimelineStepResponse(Instant occurredAt, String step, String actor,
            @Schema(nullable = true, description = "What a reader needs to know beyond the step (a reason, a decline "
                    + "code), or null") String detail) {
    }

    /**
     * 202 with the order and its {@code Location}, also when the key was used before with the same request; 409 when
     * prices in the cart changed since their products were added (the cart now holds the new prices); 422 for an
     * empty cart, unknown products, invalid fields or a key reused with another request; 400 without a key; 503
     * when catalog cannot price the items.
     */
    @PostMapping("/api/orders")
    @Operation(operationId = "placeOrder", summary = "Check out",
            description = "Places an order for the cart (or, with items, for exactly these) and starts its saga: "
                    + "the order is PENDING until stock is reserved and payment made; follow it at Location, its "
                    + "events or its timeline. Safe to retry with the same Idempotency-Key.")
    @ApiResponse(responseCode = "202", description = "The order, accepted (also when the key was used before with "
            + "the same request)", headers = @Header(name = "Location", description = "The order's address",
            schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "400", description = "No Idempotency-Key header, or the body cannot be read")
    @ApiResponse(responseCode = "409", description = "Prices in the cart changed since their products were added "
            + "(prices-changed, with priceChanges); the cart now holds the new prices")
    @ApiResponse(responseCode = "422", description = "An empty cart (cart-is-empty), unknown products, invalid fields "
            + "or a key reused with another request (idempotency-key-reused)")
    @ApiResponse(responseCode = "503", description = "Catalog cannot price the items; try again later")
    Mono<ResponseEntity<OrderResponse>> place(
            @Parameter(description = "A key of the client's choosing, one per checkout: a retry with the same key "
                    + "and request gets the same order", schema = @Schema(type = "string", minLength = 1,
                    maxLength = MAX_KEY_LENGTH))
            @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request, AuthenticatedUser caller) {
        if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new InvalidRequest(new FieldErrors.FieldError(IDEMPOTENCY_KEY,
                    "The Idempotency-Key header is 1 to " + MAX_KEY_LENGTH + " characters."));
        }
        var items = request.items() == null ? List.<PlaceOrderCommand.Item>of() : request.items().stream()
                .map(item -> new PlaceOrderCommand.Item(item.productId(), item.quantity()))
                .toList();
        return orders.place(new PlaceOrderCommand(caller.id(), idempotencyKey, request.paymentMethod().strip(), items))
                .map(order -> ResponseEntity.accepted().location(URI.create("/api/orders/" + order.id()))
                        .body(OrderResponse.of(order)));
    }

    /** The caller's orders, newest first; 422 for a page below 0 or a size outside 1..100. */
    @GetMapping("/api/orders")
    @Operation(operationId = "listOrders", summary = "The caller's orders", description = "A page of the caller's "
            + "orders, newest first.")
    @ApiResponse(responseCode = "200", description = "A page of orders")
    @ApiResponse(responseCode = "422", description = "A page below 0 or a size outside 1..100: errors names each")
    Mono<OrderPageResponse> mine(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Orders per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + MAX_PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, AuthenticatedUser caller) {
        var errors = new ArrayList<FieldErrors.FieldError>();
        if (page < 0) {
            errors.add(new FieldErrors.FieldError("page", "The page is 0 or more."));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldErrors.FieldError("size", "The size is 1 to " + MAX_PAGE_SIZE + "."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors.toArray(FieldErrors.FieldError[]::new));
        }
        return orders.findMine(caller, page, size).map(found -> new OrderPageResponse(
                found.orders().stream().map(OrderResponse::of).toList(), found.page(), found.size(),
                found.totalItems(), found.totalPages()));
    }

    /** The order, to its owner or an administrator; 404 to anyone else. */
    @GetMapping("/api/orders/{id}")
    @Operation(operationId = "getOrder", summary = "An order",
            description = "The order, to its customer and to administrators; to anyone else it does not exist.")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "No such order, or another customer's (order-not-found)")
    Mono<OrderResponse> order(@PathVariable UUID id, AuthenticatedUser caller) {
        return orders.find(id, caller).map(OrderResponse::of);
    }

    /** Every step of the order's saga, oldest first; 404 as for the order. */
    @GetMapping("/api/orders/{id}/timeline")
    @Operation(operationId = "getOrderTimeline", summary = "An order's saga steps",
            description = "Every step of the order's saga and the service that acted, oldest first.")
    @ApiResponse(responseCode = "200", description = "The steps")
    @ApiResponse(responseCode = "404", description = "No such order, or another customer's (order-not-found)")
    Mono<TimelineResponse> timeline(@PathVariable UUID id, AuthenticatedUser caller) {
        return orders.timeline(id, caller).collectList().map(TimelineResponse::of);
    }

    /**
     * Server-sent events: an {@code order} event with the order now, then one each time its status changes; the
     * stream ends after the terminal state, or after {@code stream-max-duration}. A comment every
     * {@code stream-keep-alive} keeps a quiet stream from being cut by proxies. 404 as for the order; 429 with
     * {@code Retry-After} when the caller already has {@code stream-max-per-user} streams open.
     */
    @GetMapping(path = "/api/orders/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "followOrder", summary = "Follow an order's status",
            description = "Server-sent events: an order event with the order now, then one each time its status "
                    + "changes (each event's id is the status); the stream ends after the final status or after a "
                    + "maximum time (10 minutes by default). Comments keep a quiet stream open.")
    @ApiResponse(responseCode = "200", description = "The stream of order events, each data the Order as JSON",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(type = "string", description = "text/event-stream; each data is an Order")))
    @ApiResponse(responseCode = "404", description = "No such order, or another customer's (order-not-found)")
    @ApiResponse(responseCode = "429", description = "The caller already has the most streams open "
            + "(too-many-order-streams); try again after Retry-After seconds")
    Flux<ServerSentEvent<OrderResponse>> events(@PathVariable UUID id, AuthenticatedUser caller) {
        return streams.follow(id, caller)
                .map(order -> ServerSentEvent.builder(OrderResponse.of(order))
                        .event("order").id(order.status().name()).build())
                .publish(changes -> Flux.merge(changes, Flux.interval(keepAlive)
                        .map(tick -> ServerSentEvent.<OrderResponse>builder().comment("keep-alive").build())
                        .takeUntilOther(changes.then())));
    }

    /** 200 with the cancelled order; 409 when it is already confirmed; 404 as for the order. */
    @PostMapping("/api/orders/{id}/cancel")
    @Operation(operationId = "cancelOrder", summary = "Cancel an order",
            description = "Cancels the order unless it is confirmed; stock reserved for it is put back.")
    @ApiResponse(responseCode = "200", description = "The cancelled order")
    @ApiResponse(responseCode = "404", description = "No such order, or another customer's (order-not-found)")
    @ApiResponse(responseCode = "409", description = "The order is confirmed already (order-cannot-be-cancelled)")
    Mono<OrderResponse> cancel(@PathVariable UUID id, AuthenticatedUser caller) {
        return orders.cancel(id, caller).map(OrderResponse::of);
    }
}
