package dev.shopflow.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * The secrets the services of a local stack need, from the environment or made up by the launcher and kept in the
 * state folder: the administrator account (auth-service) and the Stripe webhook signing secret (payment-service),
 * so that webhooks are always verified — set {@code STRIPE_WEBHOOK_SECRET} to the one {@code stripe listen} prints.
 */
record StackSecrets(AdminAccount admin, String stripeWebhookSecret) {

    static StackSecrets resolve(Map<String, String> environment, Path stateDirectory) {
        String webhookSecret = environment.get("STRIPE_WEBHOOK_SECRET");
        if (webhookSecret == null || webhookSecret.isBlank()) {
            webhookSecret = KeptSecret.in(stateDirectory.resolve("stripe-webhook-secret"), "whsec_", 32).value();
        }
        return new StackSecrets(AdminAccount.resolve(environment, stateDirectory), webhookSecret);
    }

    /** What a service is told of these secrets: only its own. */
    Map<String, String> environmentOf(ServiceSpec service) {
        return switch (service.name()) {
            case "auth-service" -> admin.environment();
            case "payment-service" -> Map.of("STRIPE_WEBHOOK_SECRET", stripeWebhookSecret);
            default -> Map.of();
        };
    }
}
