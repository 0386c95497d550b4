package dev.shopflow.order.ordering.web;

import dev.shopflow.order.OrderingProperties;
import dev.shopflow.order.ordering.OrderStreams;
import dev.shopflow.order.ordering.Orders;
import dev.shopflow.order.ordering.PlaceOrderCommand;
import dev.shopflow.order.ordering.TimelineStep;
import dev.shopflow.platform.security.AuthenticatedUser;
import dev.shopflow.platform.web.FieldErrors;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
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

    record OrderPageResponse(List<OrderResponse> items, int page, int size, long totalItems, long totalPages) {
    }

    record TimelineResponse(List<TimelineStep> items) {
    }

    /**
     * 202 with the order and its {@code Location}, also when the key was used before with the same request; 409 when
     * prices in the cart changed since their products were added (the cart now holds the new prices); 422 for an
     * empty cart, unknown products, invalid fields or a key reused with another request; 400 without a key; 503
     * when catalog cannot price the items.
     */
    @PostMapping("/api/orders")
    Mono<ResponseEntity<OrderResponse>> place(@RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
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
    Mono<OrderPageResponse> mine(@RequestParam(defaultValue = "0") int page,
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
    Mono<OrderResponse> order(@PathVariable UUID id, AuthenticatedUser caller) {
        return orders.find(id, caller).map(OrderResponse::of);
    }

    /** Every step of the order's saga, oldest first; 404 as for the order. */
    @GetMapping("/api/orders/{id}/timeline")
    Mono<TimelineResponse> timeline(@PathVariable UUID id, AuthenticatedUser caller) {
        return orders.timeline(id, caller).collectList().map(TimelineResponse::new);
    }

    /**
     * Server-sent events: an {@code order} event with the order now, then one each time its status changes; the
     * stream ends after the terminal state, or after {@code stream-max-duration}. A comment every
     * {@code stream-keep-alive} keeps a quiet stream from being cut by proxies. 404 as for the order; 429 with
     * {@code Retry-After} when the caller already has {@code stream-max-per-user} streams open.
     */
    @GetMapping(path = "/api/orders/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
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
    Mono<OrderResponse> cancel(@PathVariable UUID id, AuthenticatedUser caller) {
        return orders.cancel(id, caller).map(OrderResponse::of);
    }
}
