package dev.shopflow.order;

import dev.shopflow.platform.testsupport.DatabaseServiceContract;
import dev.shopflow.platform.testsupport.KafkaServiceContract;
import java.util.List;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OrderServiceContractTest extends DatabaseServiceContract implements KafkaServiceContract {

    @Override
    public List<String> declaredTopics() {
        return List.of("orders.v1", "inventory.v1", "payments.v1");
    }

    @Override
    public String deadLettersPath() {
        return "/api/orders/admin/dead-letters";
    }

    @Override
    protected List<String> readinessDependencies() {
        return List.of("r2dbc", "kafka");
    }

    @Override
    protected List<String> ownTables() {
        return List.of("carts", "cart_items", "orders", "order_items", "order_timeline", "idempotency_keys", "outbox", "inbox");
    }
}
