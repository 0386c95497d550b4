/**
 * Settings every Shopflow service shares (graceful shutdown, problem details, actuator probes, database and
 * Kafka connection from environment variables), applied beneath each service's own {@code application.yml}.
 */
package dev.shopflow.platform.config;
