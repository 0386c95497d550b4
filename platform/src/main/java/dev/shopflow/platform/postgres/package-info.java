/**
 * Finding a PostgreSQL server for the launcher and the tests, and creating the services' databases on it.
 */
package dev.shopflow.platform.postgres;
