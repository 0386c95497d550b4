package dev.shopflow.catalog.inventory.domain;

import java.util.List;

/** What an order's request for stock comes to: every line reserved, or the order rejected with its shortages. */
public sealed interface ReservationDecision {

    /** Every line can be met; these are the quantities to hold, one line per product. */
    record Reserve(List<OrderLine> lines) implements ReservationDecision {

        public Reserve {
            lines = List.copyOf(lines);
        }
    }

    /** At least one line cannot be met; nothing is held. */
    record Reject(List<Shortage> unavailable) implements ReservationDecision {

        public Reject {
            unavailable = List.copyOf(unavailable);
        }
    }
}
