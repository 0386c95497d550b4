package dev.shopflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals are parsed, never looked up: a forwarded entry must not cost a DNS call on the event loop. */
class TrustedProxiesTest {

    @BeforeEach
    void forgetEarlierLookups() {
        RecordingNameResolver.forget();
    }

    @ParameterizedTest
    @ValueSource(strings = {RecordingNameResolver.HEX_NAME, "localhost", "1.2.3", "256.1.1.1", "1.2.3.4.5",
            "1.2.3.", "1..2.3", "-1.2.3.4", "0x7f.0.0.1", "beef", "[be.ef.ca.fe]", "be:ef:ca:fe:zz", "fe80::1%eth0",
            "", "[]"})
    void refusesWhatIsNotAnAddressLiteralWithoutLookingItUp(String text) {
        assertThat(TrustedProxies.parseLiteral(text)).isNull();
        assertThat(RecordingNameResolver.lookedUp()).doesNotContain(text, text.replace("[", "").replace("]", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {RecordingNameResolver.HEX_NAME, "localhost", "1.2.3", "256.1.1.1", "1.2.3.4.5"})
    void refusesATrustedProxyThatIsNotAnAddressLiteral(String entry) {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of(entry)))
                .withMessageContaining(entry);
    }

    @ParameterizedTest
    @CsvSource({"::1, 0:0:0:0:0:0:0:1", "[::1], 0:0:0:0:0:0:0:1", "2001:db8::1, 2001:db8:0:0:0:0:0:1",
            "::ffff:10.0.0.1, 10.0.0.1", "10.0.0.1, 10.0.0.1", "0.0.0.0, 0.0.0.0", "255.255.255.255, 255.255.255.255",
            " 203.0.113.9 , 203.0.113.9"})
    void parsesAddressLiterals(String text, String address) {
        InetAddress parsed = TrustedProxies.parseLiteral(text);

        assertThat(parsed).isNotNull();
        assertThat(parsed.getHostAddress()).isEqualTo(address);
        assertThat(RecordingNameResolver.lookedUp()).doesNotContain(text.trim());
    }
}
