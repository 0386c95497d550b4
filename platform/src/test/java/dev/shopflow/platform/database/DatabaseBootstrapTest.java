package dev.shopflow.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.platform.postgres.PostgresServer;
import dev.shopflow.platform.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DatabaseBootstrapTest {

    private final PostgresServer server = TestPostgres.server();

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DatabaseBootstrapAutoConfiguration.class, FlywayAutoConfiguration.class))
            .withPropertyValues(
                    "shopflow.database.host=" + server.host(),
                    "shopflow.database.port=" + server.port(),
                    "shopflow.database.username=" + server.user(),
                    "shopflow.database.password=" + server.password(),
                    "spring.flyway.locations=classpath:db/bootstrap-test");

    @Test
    void createsTheMissingDatabaseAndMigratesIt() throws Exception {
        String name = "bootstrap" + TestPostgres.uniqueSuffix();
        TestPostgres.dropAtExit(name);
        assertThat(server.databases().namesStartingWith(name)).isEmpty();

        service.withPropertyValues("shopflow.database.name=" + name,
                        "spring.flyway.url=" + server.jdbcUrl(name),
                        "spring.flyway.user=" + server.user(),
                        "spring.flyway.password=" + server.password())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    try (var connection = server.connect(name);
                         var rows = connection.createStatement().executeQuery("SELECT count(*) FROM greetings")) {
                        rows.next();
                        assertThat(rows.getInt(1)).isZero();
                    }
                });
    }

    @Test
    void refusesADatabaseNameThatIsNotAPlainIdentifier() {
        service.withPropertyValues("shopflow.database.name=Orders; DROP", "spring.flyway.url=" + server.jdbcUrl("postgres"))
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("shopflow.database.name"));
    }
}
