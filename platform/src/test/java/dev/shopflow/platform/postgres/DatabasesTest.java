package dev.shopflow.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopflow.platform.testsupport.TestPostgres;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class DatabasesTest {

    private final Databases databases = TestPostgres.server().databases();

    @Test
    void createsADatabaseOnceAndKnowsWhenItExists() throws Exception {
        String name = "bootstrap" + TestPostgres.uniqueSuffix();
        TestPostgres.dropAtExit(name);

        assertThat(databases.createIfMissing(name)).isTrue();
        assertThat(databases.createIfMissing(name)).isFalse();
        assertThat(databases.namesStartingWith(name)).containsExactly(name);
    }

    @Test
    void toleratesTwoProcessesCreatingTheSameDatabaseAtOnce() throws Exception {
        String name = "race" + TestPostgres.uniqueSuffix();
        TestPostgres.dropAtExit(name);
        Callable<Boolean> create = () -> databases.createIfMissing(name);

        try (var pool = Executors.newFixedThreadPool(4)) {
            var results = pool.invokeAll(List.of(create, create, create, create));
            long created = 0;
            for (var result : results) {
                created += result.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        }
    }

    @Test
    void dropsADatabaseEvenWhileSomeoneIsConnected() throws Exception {
        String name = "drop" + TestPostgres.uniqueSuffix();
        databases.createIfMissing(name);
        try (var connected = TestPostgres.server().connect(name)) {
            databases.dropIfExists(name);
        }
        assertThat(databases.namesStartingWith(name)).isEmpty();
    }

    @Test
    void refusesANameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> databases.createIfMissing("orders; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> databases.dropIfExists("Orders"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
