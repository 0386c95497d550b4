package dev.shopflow.auth.account.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be, after NIST SP 800-63B: long enough, not one of the passwords attackers try first,
 * not the account's own email, and not one character repeated — but no composition rules (digits, symbols), which
 * make passwords harder to remember without making them harder to guess. At most 72 bytes, because bcrypt reads no
 * further.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = load("common-passwords.txt");

    private PasswordPolicy() {
    }

    /** Why {@code password} is not acceptable for the account {@code email}; empty when it is. */
    public static List<String> violations(String password, EmailAddress email) {
        List<String> violations = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            violations.add("must not be empty");
            return violations;
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            violations.add("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            violations.add("must be at most " + MAX_BYTES + " bytes long (72 plain letters, fewer accented ones)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            violations.add("is one of the most common passwords; choose another");
        }
        if (email != null && (lower.equals(email.value()) || lower.equals(email.localPart()))) {
            violations.add("must not be your email address");
        }
        if (password.codePoints().distinct().count() == 1) {
            violations.add("must not be one character repeated");
        }
        return violations;
    }

    private static Set<String> load(String resource) {
        var stream = PasswordPolicy.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Missing resource " + resource + " next to " + PasswordPolicy.class);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
