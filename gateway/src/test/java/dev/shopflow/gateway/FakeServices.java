package dev.shopflow.gateway;

import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/** The four services behind the gateway, each a {@link FakeService}, and the route settings that point at them. */
public final class FakeServices {

    public final FakeService auth = new FakeService("auth");
    public final FakeService catalog = new FakeService("catalog");
    public final FakeService order = new FakeService("order");
    public final FakeService payment = new FakeService("payment");

    private final List<FakeService> all = List.of(auth, catalog, order, payment);

    /** Points the gateway's routes at these services ({@code services.<name>.uri}). */
    public void register(DynamicPropertyRegistry registry) {
        all.forEach(service -> registry.add("services." + service.name() + ".uri", service::uri));
    }

    /** Every service running again and answering the default way. */
    public void reset() {
        all.forEach(service -> {
            service.start();
            service.echoRequests();
        });
    }

    /**
     * A client of the gateway on {@code port} whose connections come from {@code loopbackAddress} (any address in
     * 127.0.0.0/8 works on Linux), so that tests can play several client addresses.
     */
    public static WebTestClient clientFrom(String loopbackAddress, int port) {
        var connector = new ReactorClientHttpConnector(
                HttpClient.create().bindAddress(() -> new InetSocketAddress(loopbackAddress, 0)));
        return WebTestClient.bindToServer(connector).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }
}
