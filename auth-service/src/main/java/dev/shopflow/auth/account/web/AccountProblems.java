package dev.shopflow.auth.account.web;

import dev.shopflow.auth.account.AccountNotFound;
import dev.shopflow.auth.account.EmailAlreadyRegistered;
import dev.shopflow.auth.account.PasswordRejected;
import dev.shopflow.platform.web.FieldErrors;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Account errors as problem details. */
@RestControllerAdvice(assignableTypes = AccountController.class)
class AccountProblems {

    @ExceptionHandler
    ProblemDetail emailTaken(EmailAlreadyRegistered error) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, error.getMessage());
        problem.setTitle("Email already registered");
        problem.setType(URI.create("https://shopflow.dev/problems/email-already-registered"));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail passwordRejected(PasswordRejected error) {
        return FieldErrors.problem(error.reasons().stream()
                .map(reason -> new FieldErrors.FieldError("password", "The password " + reason + "."))
                .toList());
    }

    @ExceptionHandler
    ProblemDetail notFound(AccountNotFound error) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, error.getMessage());
        problem.setTitle("Account not found");
        problem.setType(URI.create("https://shopflow.dev/problems/account-not-found"));
        return problem;
    }
}
