package dev.shopflow.platform.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at a database of its own: a fresh one named after the service's
 * {@code shopflow.database.name}, on the server {@link TestPostgres} resolves. Use it with
 * {@code @ContextConfiguration(initializers = FreshDatabase.class)} on a {@code @SpringBootTest}.
 */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        String purpose = environment.getRequiredProperty("shopflow.database.name");
        var server = TestPostgres.server();
        String database = TestPostgres.freshDatabase(purpose);
        environment.getPropertySources().addFirst(new MapPropertySource("freshDatabase", Map.of(
                "shopflow.database.host", server.host(),
                "shopflow.database.port", server.port(),
                "shopflow.database.name", database,
                "shopflow.database.username", server.user(),
                "shopflow.database.password", server.password())));
    }
}
