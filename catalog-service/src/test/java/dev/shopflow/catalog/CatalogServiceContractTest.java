package dev.shopflow.catalog;

import dev.shopflow.platform.testsupport.DatabaseServiceContract;
import dev.shopflow.platform.testsupport.KafkaServiceContract;
import java.util.List;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class CatalogServiceContractTest extends DatabaseServiceContract implements KafkaServiceContract {

    @Override
    public List<String> declaredTopics() {
        return List.of("inventory.v1", "orders.v1");
    }

    @Override
    public String deadLettersPath() {
        return "/api/catalog/admin/dead-letters";
    }

    @Override
    protected List<String> readinessDependencies() {
        return List.of("r2dbc", "kafka");
    }

    @Override
    protected List<String> ownTables() {
        return List.of("categories", "products", "stock", "stock_reservations", "price_history", "outbox", "inbox");
    }
}
