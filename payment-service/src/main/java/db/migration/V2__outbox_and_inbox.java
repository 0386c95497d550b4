package db.migration;

import dev.shopflow.platform.database.ScriptMigration;

/** Payments publishes payment events and consumes order events: platform's outbox and inbox tables. */
public class V2__outbox_and_inbox extends ScriptMigration {

    public V2__outbox_and_inbox() {
        super(OUTBOX, INBOX);
    }
}
