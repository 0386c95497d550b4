/** Makes sure a service's database exists before Flyway migrates it. */
package dev.shopflow.platform.database;
