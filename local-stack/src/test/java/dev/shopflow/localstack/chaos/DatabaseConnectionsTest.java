package dev.shopflow.localstack.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopflow.platform.testsupport.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a stack's PostgreSQL connections ends those to its databases, and no other. */
class DatabaseConnectionsTest {

    @Test
    void endsEveryConnectionToTheStacksDatabasesAndNoneToAnyOther() throws SQLException {
        var server = TestPostgres.server();
        String orders = TestPostgres.freshDatabase("chaos_orders");
        String catalog = TestPostgres.freshDatabase("chaos_catalog");
        String someoneElses = TestPostgres.freshDatabase("chaos_other");
        try (var toOrders = server.connect(orders);
             var secondToOrders = server.connect(orders);
             var toCatalog = server.connect(catalog);
             var toOther = server.connect(someoneElses)) {

            var ended = new DatabaseConnections(server, List.of(orders, catalog)).terminate();

            assertThat(ended).containsEntry(orders, 2).containsEntry(catalog, 1).doesNotContainKey(someoneElses);
            for (var cut : List.of(toOrders, secondToOrders, toCatalog)) {
                assertThatThrownBy(() -> cut.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
            }
            assertThat(toOther.createStatement().executeQuery("SELECT 1").next()).as("another database's connection").isTrue();
        }
    }
}
