package dev.shopflow.platform.database;

import dev.shopflow.platform.postgres.PostgresServer;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Creates the service's database when it is missing, just before Flyway migrates it, so a service started on a
 * bare PostgreSQL server needs nobody to run {@code CREATE DATABASE} first.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
@ConditionalOnProperty(prefix = "shopflow.database", name = "name")
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseBootstrapAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBootstrapAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy createDatabaseThenMigrate(DatabaseProperties database) {
        return flyway -> {
            createIfMissing(database);
            flyway.migrate();
        };
    }

    private static void createIfMissing(DatabaseProperties database) {
        var server = PostgresServer.existing(database.host(), database.port(), database.username(), database.password());
        try {
            if (server.databases().createIfMissing(database.name())) {
                log.info("Created database {} on {}:{}", database.name(), database.host(), database.port());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database.name() + " on " + database.host()
                    + ":" + database.port() + " as " + database.username() + ": " + e.getMessage(), e);
        }
    }
}
