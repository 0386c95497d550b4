package dev.shopflow.platform.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where a service's database lives ({@code shopflow.database.*}, from {@code DB_HOST}, {@code DB_PORT},
 * {@code DB_NAME}, {@code DB_USER}, {@code DB_PASSWORD}). The R2DBC and Flyway URLs are built from these.
 */
@Validated
@ConfigurationProperties("shopflow.database")
public record DatabaseProperties(
        @NotBlank String host,
        @Min(1) @Max(65535) int port,
        @NotBlank @Pattern(regexp = "[a-z_][a-z0-9_]{0,62}") String name,
        @NotBlank String username,
        String password) {
}
