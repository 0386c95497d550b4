package dev.shopflow.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The {@link ServiceContract} of a service that owns a database: it runs on a fresh database of its own (which
 * {@link FreshDatabase} creates; a service creating a missing database itself is tested by platform's
 * {@code DatabaseBootstrapTest}) and Flyway has migrated the service's tables into it.
 */
@ContextConfiguration(initializers = FreshDatabase.class)
public abstract class DatabaseServiceContract extends ServiceContract {

    @Autowired
    private DatabaseClient database;

    @Value("${shopflow.database.name}")
    private String databaseName;

    /** Tables the service's migrations create. */
    protected abstract List<String> ownTables();

    @Test
    void migratesItsOwnTablesIntoItsOwnDatabase() {
        List<String> tables = database.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'public' AND table_catalog = current_database()""")
                .map(row -> row.get("table_name", String.class))
                .all().collectList().block();
        assertThat(tables).containsAll(ownTables()).contains("flyway_schema_history");
        String current = database.sql("SELECT current_database() AS name")
                .map(row -> row.get("name", String.class)).one().block();
        assertThat(current).isEqualTo(databaseName).contains("_t");
    }
}
