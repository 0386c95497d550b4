package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What {@code ./shopflow up --instances} accepts. */
class InstanceCountsTest {

    @Test
    void readsACountForEachServiceNamedAndOneForTheOthers() {
        var counts = InstanceCounts.parse("payment=2, order-service=3");

        assertThat(counts.of(ServiceSpec.named("order-service").orElseThrow())).isEqualTo(3);
        assertThat(counts.of(ServiceSpec.named("payment-service").orElseThrow())).isEqualTo(2);
        assertThat(counts.of(ServiceSpec.GATEWAY)).isEqualTo(1);
        assertThat(counts.extras()).extracting(ServiceInstance::name)
                .containsExactly("order-service-2", "order-service-3", "payment-service-2");
        assertThat(counts).hasToString("order-service=3,payment-service=2");
        assertThat(InstanceCounts.parse(counts.toString())).isEqualTo(counts);
    }

    @Test
    void oneOfEachHasNoFurtherInstances() {
        assertThat(InstanceCounts.ONE_EACH.extras()).isEmpty();
        assertThat(InstanceCounts.parse("order-service=1").extras()).isEmpty();
    }

    @Test
    void saysWhatIsWrongWithACount() {
        assertThatThrownBy(() -> InstanceCounts.parse("order-service"))
                .hasMessage("Expected SERVICE=COUNT, such as order-service=2, not 'order-service'.");
        assertThatThrownBy(() -> InstanceCounts.parse("order-service=2,"))
                .hasMessage("Expected SERVICE=COUNT, such as order-service=2, not ''.");
        assertThatThrownBy(() -> InstanceCounts.parse("billing=2")).hasMessageStartingWith("No service called billing.");
        assertThatThrownBy(() -> InstanceCounts.parse("order=0"))
                .hasMessage("The number of instances of order-service must be a whole number from 1 to 9, not '0'.");
        assertThatThrownBy(() -> InstanceCounts.parse("order=10")).hasMessageContaining("from 1 to 9, not '10'");
        assertThatThrownBy(() -> InstanceCounts.parse("order=two")).hasMessageContaining("not 'two'");
        assertThatThrownBy(() -> InstanceCounts.parse("gateway=2"))
                .hasMessageStartingWith("The gateway runs one instance: it is the stack's one entry.")
                .hasMessageContaining("auth-service, catalog-service, order-service, payment-service");
        assertThatThrownBy(() -> InstanceCounts.parse("order=2,order-service=3")).hasMessage("order-service is named twice.");
    }
}
