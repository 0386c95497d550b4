package dev.shopflow.auth.account.web;

import dev.shopflow.auth.account.AccountNotFound;
import dev.shopflow.auth.account.EmailAlreadyRegistered;
import dev.shopflow.auth.account.PasswordRejected;
import dev.shopflow.platform.web.FieldErrors;
import dev.shopflow.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Account errors as problem details. */
@RestControllerAdvice(assignableTypes = AccountController.class)
class AccountProblems {

    @ExceptionHandler
    ProblemDetail emailTaken(EmailAlreadyRegistered error) {
        return ProblemResponses.typed(HttpStatus.CONFLICT, "email-already-registered", "Email already registered",
                error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail passwordRejected(PasswordRejected error) {
        return FieldErrors.problem(error.reasons().stream()
                .map(reason -> new FieldErrors.FieldError("password", "The password " + reason + "."))
                .toList());
    }

    @ExceptionHandler
    ProblemDetail notFound(AccountNotFound error) {
        return ProblemResponses.typed(HttpStatus.NOT_FOUND, "account-not-found", "Account not found", error.getMessage());
    }
}
