package db.migration;

import dev.shopflow.platform.database.ScriptMigration;

/** Orders publishes order events and consumes inventory and payment events: platform's outbox and inbox tables. */
public class V2__outbox_and_inbox extends ScriptMigration {

    public V2__outbox_and_inbox() {
        super(OUTBOX, INBOX);
    }
}
