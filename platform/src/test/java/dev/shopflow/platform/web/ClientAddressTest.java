package dev.shopflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressTest {

    private static final TrustedProxies GATEWAY = TrustedProxies.of(List.of("127.0.0.1", "::1"));

    private static MockServerWebExchange from(String peer, String... forwardedFor) {
        var request = MockServerHttpRequest.get("/api/auth/token")
                .remoteAddress(new InetSocketAddress(peer, 40_000));
        for (String value : forwardedFor) {
            request.header("X-Forwarded-For", value);
        }
        return MockServerWebExchange.from(request);
    }

    @Test
    void ignoresAForwardedAddressFromAPeerThatIsNotATrustedProxy() {
        assertThat(ClientAddress.resolve(from("192.168.1.20", "203.0.113.9"), GATEWAY)).isEqualTo("192.168.1.20");
    }

    @Test
    void ignoresAForwardedAddressFromALoopbackPeerWhenNoProxyIsTrusted() {
        assertThat(ClientAddress.resolve(from("127.0.0.1", "203.0.113.9"), TrustedProxies.none())).isEqualTo("127.0.0.1");
    }

    @Test
    void believesTheAddressATrustedProxyForwarded() {
        assertThat(ClientAddress.resolve(from("127.0.0.1", "203.0.113.9"), GATEWAY)).isEqualTo("203.0.113.9");
    }

    @Test
    void believesTheIpv6LoopbackProxyToo() {
        assertThat(ClientAddress.resolve(from("::1", "2001:db8::7"), GATEWAY)).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void takesTheNearestAddressNoTrustedProxyWroteAndNotWhatTheClientPrepended() {
        var proxies = TrustedProxies.of(List.of("10.0.0.0/8"));

        // The client wrote 198.51.100.1 itself; the outer proxy 10.1.1.1 saw 203.0.113.9; the gateway saw 10.1.1.1.
        var exchange = from("10.2.2.2", "198.51.100.1, 203.0.113.9", "10.1.1.1");

        assertThat(ClientAddress.resolve(exchange, proxies)).isEqualTo("203.0.113.9");
    }

    @Test
    void usesThePeerWhenATrustedProxySentNoForwardedAddress() {
        assertThat(ClientAddress.resolve(from("127.0.0.1"), GATEWAY)).isEqualTo("127.0.0.1");
    }

    @Test
    void stopsAtAForwardedEntryThatIsNotAnAddress() {
        assertThat(ClientAddress.resolve(from("127.0.0.1", "evil.example"), GATEWAY)).isEqualTo("127.0.0.1");
    }

    @Test
    void isThePeerWithoutTheFilterInFront() {
        assertThat(ClientAddress.of(from("127.0.0.1", "203.0.113.9"))).isEqualTo("127.0.0.1");
    }

    @Test
    void matchesNetworksByTheirPrefix() {
        var proxies = TrustedProxies.of(List.of("172.16.0.0/12", "fd00::/8"));

        assertThat(ClientAddress.resolve(from("172.31.255.1", "203.0.113.9"), proxies)).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.resolve(from("172.32.0.1", "203.0.113.9"), proxies)).isEqualTo("172.32.0.1");
        assertThat(ClientAddress.resolve(from("fd12::1", "203.0.113.9"), proxies)).isEqualTo("203.0.113.9");
    }

    @Test
    void refusesAProxyThatIsNotAnAddressOrNetwork() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("gateway.internal")))
                .withMessageContaining("gateway.internal");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
                .withMessageContaining("prefix length");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0")));
    }
}
