package dev.shopflow.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopflow.catalog.inventory.domain.OrderLine;
import dev.shopflow.catalog.inventory.domain.ReservationDecision;
import dev.shopflow.catalog.inventory.domain.Reservations;
import dev.shopflow.catalog.inventory.domain.Shortage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReservationsTest {

    private final UUID mug = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private final UUID kettle = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void reservesEveryLineWhenAllCanBeMet() {
        var decision = Reservations.decide(List.of(new OrderLine(kettle, 1), new OrderLine(mug, 2)),
                Map.of(mug, 2, kettle, 5));

        assertThat(decision).isEqualTo(new ReservationDecision.Reserve(
                List.of(new OrderLine(mug, 2), new OrderLine(kettle, 1))));
    }

    @Test
    void rejectsTheWholeOrderWhenOneLineCannotBeMet() {
        var decision = Reservations.decide(List.of(new OrderLine(mug, 1), new OrderLine(kettle, 3)),
                Map.of(mug, 10, kettle, 2));

        assertThat(decision).isEqualTo(new ReservationDecision.Reject(List.of(new Shortage(kettle, 3, 2))));
    }

    @Test
    void countsLinesForTheSameProductTogether() {
        var decision = Reservations.decide(List.of(new OrderLine(mug, 2), new OrderLine(mug, 2)), Map.of(mug, 3));

        assertThat(decision).isEqualTo(new ReservationDecision.Reject(List.of(new Shortage(mug, 4, 3))));
    }

    @Test
    void treatsAnUnknownProductAsUnavailable() {
        var decision = Reservations.decide(List.of(new OrderLine(mug, 1)), Map.of());

        assertThat(decision).isEqualTo(new ReservationDecision.Reject(List.of(new Shortage(mug, 1, 0))));
    }

    @Test
    void reservesExactlyWhatIsLeft() {
        assertThat(Reservations.decide(List.of(new OrderLine(mug, 3)), Map.of(mug, 3)))
                .isInstanceOf(ReservationDecision.Reserve.class);
    }

    @Test
    void refusesLinesThatAskForNothing() {
        assertThatThrownBy(() -> new OrderLine(mug, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reservations.decide(List.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
