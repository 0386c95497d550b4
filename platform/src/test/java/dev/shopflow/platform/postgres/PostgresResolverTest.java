package dev.shopflow.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresResolverTest {

    @Test
    void readsHostPortAndCredentialsFromAPostgresqlUrl() {
        var address = PostgresResolver.ServerAddress.parse("postgresql://shop%40user:p%3Ass@db.example:6543");

        assertThat(address).isEqualTo(new PostgresResolver.ServerAddress("db.example", 6543, "shop@user", "p:ss"));
    }

    @Test
    void acceptsJdbcAndShortFormsWithTheDefaultPort() {
        assertThat(PostgresResolver.ServerAddress.parse("jdbc:postgresql://db:5433/ignored"))
                .isEqualTo(new PostgresResolver.ServerAddress("db", 5433, null, null));
        assertThat(PostgresResolver.ServerAddress.parse("postgres://db"))
                .isEqualTo(new PostgresResolver.ServerAddress("db", 5432, null, null));
    }

    @Test
    void refusesAUrlThatIsNotPostgresWithTheExpectedForm() {
        assertThatThrownBy(() -> PostgresResolver.ServerAddress.parse("mysql://db:3306"))
                .isInstanceOf(PostgresUnavailable.class)
                .hasMessageContaining("postgresql://USER:PASSWORD@HOST:PORT");
    }

    @Test
    void saysWhyAConfiguredServerCannotBeUsedInsteadOfFallingBack() {
        var steps = new ArrayList<String>();
        var resolver = PostgresResolver.using(Map.of(PostgresResolver.URL, "postgresql://nobody@127.0.0.1:1"), steps::add);

        assertThatThrownBy(resolver::resolve)
                .isInstanceOf(PostgresUnavailable.class)
                .hasMessageContaining("Cannot connect to the PostgreSQL server in SHOPFLOW_POSTGRES_URL")
                .hasMessageContaining("127.0.0.1:1 as nobody");
    }
}
