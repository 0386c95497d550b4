/**
 * The launcher behind {@code ./shopflow}: runs the whole stack on a machine with only a JDK. An in-process Kafka
 * broker, a PostgreSQL server found by the platform's resolver, and every service in a JVM of its own.
 * Start reading at {@link dev.shopflow.localstack.ShopflowCli} and {@link dev.shopflow.localstack.LocalStack}.
 */
package dev.shopflow.localstack;
