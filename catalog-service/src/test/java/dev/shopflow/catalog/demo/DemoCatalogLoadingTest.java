package dev.shopflow.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.catalog.CatalogProperties;
import dev.shopflow.catalog.demo.domain.DemoCatalog;
import dev.shopflow.catalog.inventory.Stock;
import dev.shopflow.catalog.inventory.persistence.StockRepository;
import dev.shopflow.catalog.product.CatalogImport;
import dev.shopflow.catalog.product.persistence.CategoryRepository;
import dev.shopflow.catalog.product.persistence.ProductRepository;
import dev.shopflow.platform.testsupport.TestPostgres;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances starting at once on an empty catalog database — each with its own connections, as two processes
 * would have — load the demo catalog exactly once.
 */
class DemoCatalogLoadingTest {

    private static final int STOCK = 42;

    @Test
    void loadsTheDemoCatalogOnceWhenTwoInstancesStartTogether() {
        String database = migratedDatabase();
        var first = instance(database);
        var second = instance(database);

        List<Integer> loaded = Flux.merge(
                        first.loadIntoEmptyCatalog().subscribeOn(Schedulers.parallel()),
                        second.loadIntoEmptyCatalog().subscribeOn(Schedulers.parallel()))
                .collectList()
                .block(Duration.ofMinutes(1));

        assertThat(loaded).containsExactlyInAnyOrder(220, 0);
        var client = DatabaseClient.create(TestPostgres.connectionFactory(database));
        assertThat(count(client, "SELECT count(*) AS n FROM products")).isEqualTo(220);
        assertThat(count(client, "SELECT count(*) AS n FROM categories")).isEqualTo(10);
        assertThat(count(client, "SELECT count(*) AS n FROM stock WHERE on_hand = " + STOCK + " AND reserved = 0"))
                .isEqualTo(220);
        assertThat(count(client, "SELECT count(*) AS n FROM products WHERE id = '"
                + DemoCatalog.productId("COF-001") + "' AND sku = 'COF-001'")).isEqualTo(1);
        assertThat(instance(database).loadIntoEmptyCatalog().block()).isZero();
    }

    private static String migratedDatabase() {
        String database = TestPostgres.freshDatabase("catalog");
        var server = TestPostgres.server();
        Flyway.configure()
                .dataSource("jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database, server.user(),
                        server.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return database;
    }

    private static DemoCatalogLoader instance(String database) {
        var connections = TestPostgres.connectionFactory(database);
        var client = DatabaseClient.create(connections);
        var transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        var properties = new CatalogProperties("EUR", Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofSeconds(60), new CatalogProperties.Demo(true, STOCK, "https://images.example/{sku}.jpg"));
        var catalogImport = new CatalogImport(new ProductRepository(client, JsonMapper.builder().build()),
                new CategoryRepository(client), new Stock(new StockRepository(client), transactions), transactions,
                properties);
        return new DemoCatalogLoader(catalogImport, properties);
    }

    private static long count(DatabaseClient client, String sql) {
        return client.sql(sql).map(row -> row.get("n", Long.class)).one().blockOptional().orElseThrow();
    }
}
