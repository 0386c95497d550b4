package dev.shopflow.order;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * catalog-service's product lookup, faked with the JDK's HTTP server: {@code GET /api/catalog/products/{id}} answers
 * the products a test {@link #add}s at their price now (a test may {@link #reprice} them), a 404 problem for others,
 * and a 503 for products marked {@link #failing}.
 */
public final class FakeCatalog {

    private static final FakeCatalog INSTANCE = new FakeCatalog();

    private final HttpServer server;
    private final Map<UUID, Product> products = new ConcurrentHashMap<>();
    private final Set<UUID> failing = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> lookups = new ConcurrentHashMap<>();

    private FakeCatalog() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/catalog/products/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/api/catalog/products/".length());
            UUID product;
            try {
                product = UUID.fromString(id);
            } catch (IllegalArgumentException notAnId) {
                product = null;
            }
            if (product != null) {
                lookups.computeIfAbsent(product, counted -> new AtomicInteger()).incrementAndGet();
            }
            int status;
            String body;
            if (product != null && failing.contains(product)) {
                status = 503;
                body = "{\"title\":\"Service Unavailable\",\"status\":503}";
            } else if (product != null && products.containsKey(product)) {
                status = 200;
                body = products.get(product).json();
            } else {
                status = 404;
                body = "{\"type\":\"https://shopflow.dev/problems/product-not-found\",\"title\":\"Product not found\","
                        + "\"status\":404}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public static FakeCatalog instance() {
        return INSTANCE;
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new product at this price (minor units, EUR), with 10 available. */
    public UUID add(String name, long price) {
        UUID id = UUID.randomUUID();
        products.put(id, new Product(id, name, price));
        return id;
    }

    /** Changes the product's price (minor units, EUR), as an administrator would. */
    public void reprice(UUID id, long price) {
        products.computeIfPresent(id, (productId, product) -> new Product(productId, product.name(), price));
    }

    private record Product(UUID id, String name, long price) {

        String json() {
            return """
                    {"id":"%s","sku":"SKU-%s","name":"%s","description":"A test product","category":"test",
                     "price":{"amount":%d,"currency":"EUR"},"available":10,"imageUrl":null}"""
                    .formatted(id, id.toString().substring(0, 8), name, price);
        }
    }

    /** How many times the product was looked up. */
    public int lookupsOf(UUID product) {
        AtomicInteger count = lookups.get(product);
        return count == null ? 0 : count.get();
    }

    /** A product whose lookup fails as if catalog were down. */
    public UUID failing() {
        UUID id = UUID.randomUUID();
        failing.add(id);
        return id;
    }
}
