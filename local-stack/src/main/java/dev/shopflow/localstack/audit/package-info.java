/**
 * The consistency audit ({@code ./shopflow audit}): reads the services' databases and the dead-letter topics of a
 * stack, never writing, and reports every broken invariant of the order saga (docs/consistency-audit.md). Start
 * reading at {@link dev.shopflow.localstack.audit.ConsistencyAudit}.
 */
package dev.shopflow.localstack.audit;
