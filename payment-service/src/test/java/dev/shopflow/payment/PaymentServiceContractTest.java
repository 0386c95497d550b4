package dev.shopflow.payment;

import dev.shopflow.platform.testsupport.DatabaseServiceContract;
import dev.shopflow.platform.testsupport.KafkaServiceContract;
import java.util.List;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PaymentServiceContractTest extends DatabaseServiceContract implements KafkaServiceContract {

    @Override
    public List<String> declaredTopics() {
        return List.of("payments.v1", "orders.v1");
    }

    @Override
    public String deadLettersPath() {
        return "/api/payments/admin/dead-letters";
    }

    @Override
    protected List<String> readinessDependencies() {
        return List.of("r2dbc", "kafka");
    }

    @Override
    protected List<String> ownTables() {
        return List.of("payments", "refunds", "stripe_events", "order_cancellations", "outbox", "inbox");
    }
}
