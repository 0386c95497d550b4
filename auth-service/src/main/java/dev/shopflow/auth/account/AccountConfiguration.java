package dev.shopflow.auth.account;

import dev.shopflow.auth.AuthProperties;
import dev.shopflow.auth.account.domain.EmailAddress;
import dev.shopflow.auth.account.domain.PasswordPolicy;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Password hashing and the administrator account. */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    @Bean(destroyMethod = "close")
    Passwords passwords() {
        return new Passwords();
    }

    /**
     * The administrator account from {@code SHOPFLOW_ADMIN_EMAIL} and {@code SHOPFLOW_ADMIN_PASSWORD}, created or
     * updated before the service reports ready. Without them there is no administrator.
     */
    @Bean
    @Order(1)
    ApplicationRunner administratorAccount(AuthProperties properties, Accounts accounts) {
        return arguments -> {
            var admin = properties.admin();
            if (!admin.isConfigured()) {
                return;
            }
            var violations = PasswordPolicy.violations(admin.password(), new EmailAddress(admin.email()));
            if (!violations.isEmpty()) {
                throw new IllegalStateException("SHOPFLOW_ADMIN_PASSWORD " + String.join("; ", violations));
            }
            accounts.ensureAdministrator(admin.email(), admin.password()).block();
        };
    }
}
