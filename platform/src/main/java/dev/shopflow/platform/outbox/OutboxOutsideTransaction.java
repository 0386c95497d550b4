package dev.shopflow.platform.outbox;

/** {@link Outbox#append} was called without a transaction, so the event could be published for a change that never committed. */
public class OutboxOutsideTransaction extends IllegalStateException {

    public OutboxOutsideTransaction() {
        super("Outbox.append must run inside the transaction that changes the state (a TransactionalOperator or"
                + " @Transactional): without one the event and the change could disagree.");
    }
}
