package dev.shopflow.payment.charge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PaymentMetricsTest {

    @Test
    void chargesAndRefundsAreCountedFromZeroSoThatADashboardShowsNoneYetRatherThanNoData() {
        var meters = new SimpleMeterRegistry();

        new PaymentMetrics(meters);

        assertThat(meters.get("shopflow.payments.succeeded").counter().count()).isZero();
        assertThat(meters.get("shopflow.payments.refunds").counter().count()).isZero();
    }
}
