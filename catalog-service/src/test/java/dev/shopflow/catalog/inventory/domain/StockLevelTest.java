package dev.shopflow.catalog.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StockLevelTest {

    @Test
    void makesAvailableWhatIsOnHandButNotReserved() {
        assertThat(new StockLevel(10, 4).available()).isEqualTo(6);
        assertThat(new StockLevel(4, 4).available()).isZero();
    }

    @Test
    void setsOnHandAndKeepsTheReservations() {
        assertThat(new StockLevel(10, 4).withOnHand(25)).isEqualTo(new StockLevel(25, 4));
        assertThat(new StockLevel(10, 4).withOnHand(4)).isEqualTo(new StockLevel(4, 4));
    }

    @Test
    void refusesToSetOnHandBelowWhatIsReserved() {
        assertThatThrownBy(() -> new StockLevel(10, 4).withOnHand(3))
                .isInstanceOfSatisfying(StockBelowReserved.class, error -> {
                    assertThat(error.reserved()).isEqualTo(4);
                    assertThat(error.requested()).isEqualTo(3);
                    assertThat(error.getMessage()).contains("set it to 4 or more");
                });
    }

    @Test
    void refusesQuantitiesOutsideZeroToABillion() {
        assertThatThrownBy(() -> new StockLevel(0, 0).withOnHand(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockLevel(0, 0).withOnHand(StockLevel.MAX_ON_HAND + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new StockLevel(0, 0).withOnHand(StockLevel.MAX_ON_HAND).available()).isEqualTo(StockLevel.MAX_ON_HAND);
    }

    @Test
    void cannotDescribeImpossibleStock() {
        assertThatThrownBy(() -> new StockLevel(3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockLevel(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
