package dev.shopflow.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.shopflow.auth.AuthProperties;
import dev.shopflow.platform.testsupport.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

class SigningKeysTest {

    private DatabaseClient database;
    private TransactionalOperator transactions;

    @BeforeEach
    void freshDatabase() {
        var connections = TestPostgres.connectionFactory(
                TestPostgres.freshDatabase("auth", "db/migration/V1__users_refresh_tokens_signing_keys.sql"));
        database = DatabaseClient.create(connections);
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
    }

    @Test
    void generatesAKeyOnFirstStartAndKeepsItAcrossARestart() throws Exception {
        var first = keys(List.of()).load().block();
        var afterRestart = keys(List.of()).load().block();

        assertThat(afterRestart.signing().getKeyID()).isEqualTo(first.signing().getKeyID());
        assertThat(afterRestart.signing().toRSAPrivateKey()).isEqualTo(first.signing().toRSAPrivateKey());
        assertThat(afterRestart.published().getKeys()).hasSize(1);
    }

    @Test
    void instancesStartingTogetherAgreeOnOneKey() {
        List<String> signingKeyIds = Flux.range(0, 4)
                .flatMap(instance -> keys(List.of()).load())
                .map(loaded -> loaded.signing().getKeyID())
                .collectList().block();

        assertThat(signingKeyIds).hasSize(4).containsOnly(signingKeyIds.getFirst());
    }

    @Test
    void aRotatedKeySignsWhileThePreviousOneStaysPublished() {
        var keys = keys(List.of());
        String previous = keys.load().block().signing().getKeyID();

        var rotated = keys.rotate().block();

        assertThat(rotated.signing().getKeyID()).isNotEqualTo(previous);
        assertThat(rotated.published().getKeys()).extracting(JWK::getKeyID)
                .containsExactly(rotated.signing().getKeyID(), previous);
        assertThat(keys(List.of()).load().block().signing().getKeyID()).isEqualTo(rotated.signing().getKeyID());
    }

    @Test
    void usesConfiguredKeysAndPublishesThePreviousOneForRotation() throws Exception {
        RSAKey current = new RSAKeyGenerator(2048).keyID("2026-11").generate();
        RSAKey previous = new RSAKeyGenerator(2048).keyID("2026-10").generate();
        var keys = keys(List.of(
                new AuthProperties.ConfiguredKey("2026-11", PemKeys.privatePem(current), null),
                new AuthProperties.ConfiguredKey("2026-10", null, PemKeys.publicPem(previous))));

        var loaded = keys.load().block();

        assertThat(loaded.signing().getKeyID()).isEqualTo("2026-11");
        assertThat(loaded.signing().toRSAPublicKey()).isEqualTo(current.toRSAPublicKey());
        assertThat(loaded.published().getKeys()).extracting(JWK::getKeyID).containsExactly("2026-11", "2026-10");
        assertThat(loaded.published().getKeys()).noneMatch(JWK::isPrivate);
        assertThatThrownBy(() -> keys.rotate().block()).isInstanceOf(KeysComeFromConfiguration.class);
        assertThat(database.sql("SELECT count(*) AS n FROM signing_keys").map(row -> row.get("n", Long.class)).one().block())
                .as("configured keys are not copied into the database").isZero();
    }

    @Test
    void refusesAConfiguredFirstKeyThatCannotSign() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("public-only").generate();

        assertThatThrownBy(() -> keys(List.of(new AuthProperties.ConfiguredKey("public-only", null, PemKeys.publicPem(key)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must have a private key");
        assertThatThrownBy(() -> keys(List.of(new AuthProperties.ConfiguredKey("garbled", "not a pem", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("garbled");
    }

    private SigningKeys keys(List<AuthProperties.ConfiguredKey> configured) {
        var properties = new AuthProperties(Duration.ofMinutes(15), Duration.ofDays(30),
                new AuthProperties.Admin(null, null), configured,
                new AuthProperties.Lockout(5, 50, 20, Duration.ofMinutes(15), Duration.ofSeconds(30),
                        Duration.ofMinutes(15), Duration.ofDays(90)), "shopflow-storefront");
        return new SigningKeys(database, transactions, properties, Duration.ofSeconds(30), Clock.systemUTC());
    }
}
