package dev.shopflow.payment;

import dev.shopflow.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Stripe calls the webhook without an access token; the webhook proves itself with its {@code Stripe-Signature}.
 * Everything else needs an access token (platform's default).
 */
@Configuration(proxyBeanMethods = false)
class PaymentAccessRules {

    @Bean
    AccessRules stripeWebhooksArePublic() {
        return exchanges -> exchanges.pathMatchers(HttpMethod.POST, "/webhooks/stripe").permitAll()
                .pathMatchers(HttpMethod.OPTIONS, "/webhooks/stripe").permitAll();
    }
}
