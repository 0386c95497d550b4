/**
 * {@code ./shopflow chaos}: faults injected into the running stack while k6's checkout scenario loads it — each
 * service killed and restarted, the Kafka broker restarted, the PostgreSQL connections cut — then every order followed
 * to its final state and the consistency audit run (docs/chaos.md). Start reading at
 * {@link dev.shopflow.localstack.chaos.ChaosCommand}.
 */
package dev.shopflow.localstack.chaos;
