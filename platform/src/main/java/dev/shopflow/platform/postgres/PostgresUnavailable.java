package dev.shopflow.platform.postgres;

/** No usable PostgreSQL server could be found or started; the message tells the user how to provide one. */
public class PostgresUnavailable extends RuntimeException {

    public PostgresUnavailable(String message) {
        super(message);
    }

    public PostgresUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
