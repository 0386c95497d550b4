package dev.shopflow.order;

import dev.shopflow.platform.testsupport.DatabaseServiceContract;
import java.util.List;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OrderServiceContractTest extends DatabaseServiceContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("r2dbc", "kafka");
    }

    @Override
    protected List<String> ownTables() {
        return List.of("carts", "cart_items", "orders", "order_items", "order_timeline", "idempotency_keys");
    }
}
