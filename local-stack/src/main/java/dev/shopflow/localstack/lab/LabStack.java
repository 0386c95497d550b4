package dev.shopflow.localstack.lab;

import dev.shopflow.localstack.audit.AuditTarget;
import java.time.Instant;
import java.util.Map;

/**
 * The running stack a lab check reads.
 *
 * @param stores          its databases and Kafka, as the launcher gave them to the services
 * @param managementPorts each service's management port (metrics), by service name
 * @param startedAt       when each running service's process started, by service name (absent: not running)
 */
public record LabStack(AuditTarget stores, Map<String, Integer> managementPorts, Map<String, Instant> startedAt) {

    public LabStack {
        managementPorts = Map.copyOf(managementPorts);
        startedAt = Map.copyOf(startedAt);
    }
}
