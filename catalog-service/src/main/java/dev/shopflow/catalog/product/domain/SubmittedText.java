package dev.shopflow.catalog.product.domain;

/** Checks on submitted text that every rule of this package shares. */
final class SubmittedText {

    private SubmittedText() {
    }

    /** {@code value} stripped of surrounding white space; {@code null} stays {@code null}. */
    static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** Length in characters as PostgreSQL counts them (code points), so that a limit here is the column's limit. */
    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /**
     * Whether {@code value} holds a control character (NUL among them, which PostgreSQL refuses to store); line
     * breaks and tabs are allowed where {@code multiline}.
     */
    static boolean hasControlCharacters(String value, boolean multiline) {
        return value.chars().anyMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
    }
}
