package dev.shopflow.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.auth.account.domain.EmailAddress;
import dev.shopflow.auth.account.domain.PasswordPolicy;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final EmailAddress ann = new EmailAddress("Ann.Lee@example.com");

    @Test
    void acceptsALongPassphraseWithoutCompositionRules() {
        assertThat(PasswordPolicy.violations("correct horse battery staple", ann)).isEmpty();
        assertThat(PasswordPolicy.violations("ünïcödé-pässwörd", ann)).isEmpty();
    }

    @Test
    void refusesAShortPassword() {
        assertThat(PasswordPolicy.violations("nine char", ann)).containsExactly("must be at least 10 characters long");
    }

    @Test
    void refusesAPasswordLongerThanBcryptReads() {
        assertThat(PasswordPolicy.violations("x".repeat(40) + "y".repeat(33), ann))
                .anyMatch(violation -> violation.contains("at most 72 bytes"));
        assertThat(PasswordPolicy.violations("é".repeat(37), ann)).as("74 bytes in UTF-8")
                .anyMatch(violation -> violation.contains("at most 72 bytes"));
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(PasswordPolicy.violations("Password123", ann)).anyMatch(violation -> violation.contains("common"));
        assertThat(PasswordPolicy.violations("QWERTYUIOP", ann)).anyMatch(violation -> violation.contains("common"));
    }

    @Test
    void refusesTheAccountsOwnEmail() {
        assertThat(PasswordPolicy.violations("ann.lee@example.com", ann)).contains("must not be your email address");
        assertThat(PasswordPolicy.violations("Ann.Lee@Example.com", ann)).contains("must not be your email address");
    }

    @Test
    void refusesOneCharacterRepeated() {
        assertThat(PasswordPolicy.violations("zzzzzzzzzzzz", ann)).contains("must not be one character repeated");
    }

    @Test
    void refusesAnEmptyPassword() {
        assertThat(PasswordPolicy.violations("", ann)).containsExactly("must not be empty");
    }
}
