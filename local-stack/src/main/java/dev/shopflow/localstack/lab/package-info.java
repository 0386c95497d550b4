/**
 * {@code ./shopflow lab check N}: tells a learner whether the running stack shows what lab N of docs/labs/ is about,
 * one PASS or FAIL line per piece of evidence (read from the services' databases, topics and metrics, never written).
 * Start reading at {@link dev.shopflow.localstack.lab.LabCommand}; each lab's check is one class.
 */
package dev.shopflow.localstack.lab;
