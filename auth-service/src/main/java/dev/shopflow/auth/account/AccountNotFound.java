package dev.shopflow.auth.account;

/** No account the caller may see has this id: it does not exist, or it is someone else's. */
public class AccountNotFound extends RuntimeException {

    public AccountNotFound() {
        super("There is no such account.");
    }
}
