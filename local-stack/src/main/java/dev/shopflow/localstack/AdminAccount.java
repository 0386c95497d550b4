package dev.shopflow.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * The administrator account the auth service creates at start-up. It comes from {@code SHOPFLOW_ADMIN_EMAIL} and
 * {@code SHOPFLOW_ADMIN_PASSWORD}; without a password, the launcher generates one on the first start, prints it
 * once and keeps it in {@code .shopflow/admin-password} (readable by its owner only), like other tools' "initial
 * admin password". No password is written into the project.
 *
 * @param generatedNow whether the password was made by this start (and so is shown in full)
 * @param file where a generated password is kept, or {@code null} when it comes from the environment
 */
record AdminAccount(String email, String password, boolean generatedNow, Path file) {

    static final String DEFAULT_EMAIL = "admin@shopflow.local";
    private static final int LENGTH = 20;

    static AdminAccount resolve(Map<String, String> environment, Path stateDirectory) {
        String email = valueOr(environment.get("SHOPFLOW_ADMIN_EMAIL"), DEFAULT_EMAIL);
        String password = environment.get("SHOPFLOW_ADMIN_PASSWORD");
        if (password != null && !password.isBlank()) {
            return new AdminAccount(email, password, false, null);
        }
        Path file = stateDirectory.resolve("admin-password");
        var kept = KeptSecret.in(file, "", LENGTH);
        return new AdminAccount(email, kept.value(), kept.generatedNow(), file);
    }

    /** The environment that tells the auth service about this account. */
    Map<String, String> environment() {
        return Map.of("SHOPFLOW_ADMIN_EMAIL", email, "SHOPFLOW_ADMIN_PASSWORD", password);
    }

    /** One line for the table printed when the stack is ready; the password in full only when just generated. */
    String describe(Path home) {
        if (file == null) {
            return email + " (password from SHOPFLOW_ADMIN_PASSWORD)";
        }
        String where = home.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        return generatedNow
                ? email + " / " + password + "  (generated now, shown once; kept in " + where + ")"
                : email + " (password in " + where + ")";
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
