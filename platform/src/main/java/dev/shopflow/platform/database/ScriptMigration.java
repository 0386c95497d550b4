package dev.shopflow.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway migration that runs SQL scripts platform ships, such as the outbox and inbox tables, so their schema
 * lives once (next to the code that uses it) while each service numbers the migration in its own sequence:
 *
 * <pre>{@code
 * package db.migration;
 *
 * public class V2__outbox extends ScriptMigration {
 *     public V2__outbox() {
 *         super(ScriptMigration.OUTBOX);
 *     }
 * }
 * }</pre>
 *
 * Its checksum is the scripts' CRC32, so Flyway's validation notices if an applied script changes (it must not:
 * a change to platform's schema comes as a new script and a new migration).
 */
public abstract class ScriptMigration extends BaseJavaMigration {

    /** The outbox table and its notify trigger (platform's {@code Outbox} and {@code OutboxRelay}). */
    public static final String OUTBOX = "dev/shopflow/platform/outbox/outbox.sql";
    /** The inbox table (platform's {@code Inbox}). */
    public static final String INBOX = "dev/shopflow/platform/inbox/inbox.sql";

    private final List<String> scripts;

    protected ScriptMigration(String... classpathScripts) {
        this.scripts = List.of(classpathScripts);
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (var statement = context.getConnection().createStatement()) {
            for (String script : scripts) {
                statement.execute(read(script));
            }
        }
    }

    @Override
    public Integer getChecksum() {
        var crc = new CRC32();
        scripts.forEach(script -> crc.update(read(script).getBytes(StandardCharsets.UTF_8)));
        return (int) crc.getValue();
    }

    private static String read(String script) {
        try (InputStream in = ScriptMigration.class.getClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("No script " + script + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
