/**
 * What every module's tests share, in test scope only (module {@code platform-test}): a fresh database per Spring test
 * context on the PostgreSQL server the {@code PostgresResolver} finds, so test runs never see each other's data; test
 * access tokens; the contract tests every service inherits; and the architecture rules every service applies.
 */
package dev.shopflow.platform.testsupport;
