/**
 * The service's database: made sure to exist before Flyway migrates it, and notification channels on it
 * ({@link dev.shopflow.platform.database.PostgresChannel}, PostgreSQL {@code LISTEN}/{@code NOTIFY} over R2DBC).
 */
package dev.shopflow.platform.database;
