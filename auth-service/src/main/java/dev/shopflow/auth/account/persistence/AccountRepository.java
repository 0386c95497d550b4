package dev.shopflow.auth.account.persistence;

import dev.shopflow.auth.account.domain.RegisteredAccount;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Reads and writes accounts in the {@code users} table with plain SQL; the email column holds the normalised address.
 */
@Repository
public class AccountRepository {

    private static final String COLUMNS = "id, email, name, password_hash, roles";

    private final DatabaseClient database;

    public AccountRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Inserts the account; completes empty when the email is taken (the unique constraint decides, race-free). */
    public Mono<RegisteredAccount> insertIfEmailFree(RegisteredAccount account, Instant now) {
        var user = AccountRow.of(account);
        return account(database.sql("""
                        INSERT INTO users (id, email, name, password_hash, roles, created_at, updated_at)
                        VALUES (:id, :email, :name, :passwordHash, :roles, :now, :now)
                        ON CONFLICT (email) DO NOTHING
                        RETURNING id, email, name, password_hash, roles""")
                .bind("id", user.id())
                .bind("email", user.email())
                .bind("name", user.name())
                .bind("passwordHash", user.passwordHash())
                .bind("roles", user.roles().toArray(String[]::new))
                .bind("now", now));
    }

    /** The account, or empty. */
    public Mono<RegisteredAccount> findById(UUID id) {
        return account(database.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id").bind("id", id));
    }

    /** The account with this normalised email, or empty. */
    public Mono<RegisteredAccount> findByEmail(String email) {
        return account(database.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email").bind("email", email));
    }

    /** Sets the password hash and roles of an existing account. */
    public Mono<Void> updateCredentials(UUID id, String passwordHash, List<String> roles, Instant now) {
        return database.sql("""
                        UPDATE users SET password_hash = :passwordHash, roles = :roles, updated_at = :now,
                                         version = version + 1
                        WHERE id = :id""")
                .bind("id", id)
                .bind("passwordHash", passwordHash)
                .bind("roles", roles.toArray(String[]::new))
                .bind("now", now)
                .then();
    }

    private static AccountRow row(Readable row) {
        String[] roles = row.get("roles", String[].class);
        return new AccountRow(row.get("id", UUID.class), row.get("email", String.class), row.get("name", String.class),
                row.get("password_hash", String.class), roles == null ? List.of() : Arrays.asList(roles));
    }

    /** The one account a query answers, or empty. */
    private static Mono<RegisteredAccount> account(DatabaseClient.GenericExecuteSpec query) {
        return query.map(AccountRepository::row).one().map(AccountRow::account);
    }
}
