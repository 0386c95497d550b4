package dev.shopflow.catalog;

import dev.shopflow.platform.testsupport.DatabaseServiceContract;
import java.util.List;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class CatalogServiceContractTest extends DatabaseServiceContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("r2dbc", "kafka");
    }

    @Override
    protected List<String> ownTables() {
        return List.of("categories", "products", "stock", "stock_reservations");
    }
}
