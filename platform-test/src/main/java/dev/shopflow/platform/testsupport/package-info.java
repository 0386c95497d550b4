/**
 * Test support: a fresh database per Spring test context on the PostgreSQL server the {@code PostgresResolver}
 * finds, so test runs never see each other's data.
 */
package dev.shopflow.platform.testsupport;
