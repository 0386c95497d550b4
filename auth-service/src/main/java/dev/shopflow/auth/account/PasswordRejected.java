package dev.shopflow.auth.account;

import java.util.List;

/** A new password that breaks the password policy; {@link #reasons()} says how. */
public class PasswordRejected extends RuntimeException {

    private final List<String> reasons;

    public PasswordRejected(List<String> reasons) {
        super("The password " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
