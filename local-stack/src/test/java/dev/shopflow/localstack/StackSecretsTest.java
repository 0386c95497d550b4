package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSecretsTest {

    @TempDir
    Path home;

    @Test
    void generatesAPasswordOnceShowsItOnceAndKeepsItPrivate() throws Exception {
        Path state = home.resolve(".shopflow");

        var first = AdminAccount.resolve(Map.of(), state);
        var second = AdminAccount.resolve(Map.of(), state);

        assertThat(first.email()).isEqualTo("admin@shopflow.local");
        assertThat(first.password()).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(first.generatedNow()).isTrue();
        assertThat(first.describe(home)).contains(first.password()).contains(".shopflow/admin-password");
        assertThat(second.password()).isEqualTo(first.password());
        assertThat(second.generatedNow()).isFalse();
        assertThat(second.describe(home)).doesNotContain(first.password()).contains(".shopflow/admin-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("admin-password"))))
                .isEqualTo("rw-------");
        assertThat(first.environment()).containsEntry("SHOPFLOW_ADMIN_PASSWORD", first.password());
    }

    @Test
    void takesTheAccountFromTheEnvironmentWithoutWritingAFile() {
        Path state = home.resolve(".shopflow");

        var admin = AdminAccount.resolve(Map.of("SHOPFLOW_ADMIN_EMAIL", "ops@example.com",
                "SHOPFLOW_ADMIN_PASSWORD", "a passphrase from the environment"), state);

        assertThat(admin.email()).isEqualTo("ops@example.com");
        assertThat(admin.password()).isEqualTo("a passphrase from the environment");
        assertThat(admin.describe(home)).doesNotContain("a passphrase");
        assertThat(state.resolve("admin-password")).doesNotExist();
    }

    @Test
    void givesEachServiceOnlyItsOwnSecretsAndAlwaysAWebhookSecret() {
        var secrets = StackSecrets.resolve(Map.of(), home.resolve(".shopflow"));

        assertThat(secrets.stripeWebhookSecret()).startsWith("whsec_").hasSize(38);
        assertThat(StackSecrets.resolve(Map.of(), home.resolve(".shopflow")).stripeWebhookSecret())
                .isEqualTo(secrets.stripeWebhookSecret());
        assertThat(secrets.environmentOf(ServiceSpec.named("payment-service").orElseThrow()))
                .containsOnlyKeys("STRIPE_WEBHOOK_SECRET");
        assertThat(secrets.environmentOf(ServiceSpec.named("auth-service").orElseThrow()))
                .containsOnlyKeys("SHOPFLOW_ADMIN_EMAIL", "SHOPFLOW_ADMIN_PASSWORD");
        assertThat(secrets.environmentOf(ServiceSpec.named("gateway").orElseThrow())).isEmpty();
        assertThat(StackSecrets.resolve(Map.of("STRIPE_WEBHOOK_SECRET", "whsec_from_stripe_listen"),
                home.resolve(".shopflow")).stripeWebhookSecret()).isEqualTo("whsec_from_stripe_listen");
    }

    @Test
    void generatesAPasswordForAnEmailGivenWithoutOne() {
        var admin = AdminAccount.resolve(Map.of("SHOPFLOW_ADMIN_EMAIL", "ops@example.com"), home.resolve(".shopflow"));

        assertThat(admin.email()).isEqualTo("ops@example.com");
        assertThat(admin.generatedNow()).isTrue();
    }
}
