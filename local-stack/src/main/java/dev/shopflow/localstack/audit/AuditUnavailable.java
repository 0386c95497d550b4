package dev.shopflow.localstack.audit;

/** The audit has nothing to look at: the stack has not been started, or is not running. */
public class AuditUnavailable extends RuntimeException {

    public AuditUnavailable(String message) {
        super(message);
    }
}
