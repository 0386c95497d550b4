package dev.shopflow.auth.token.web;

import dev.shopflow.auth.token.InvalidCredentials;
import dev.shopflow.auth.token.InvalidRefreshToken;
import dev.shopflow.auth.token.SignInLocked;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Token errors as problem details. */
@RestControllerAdvice(assignableTypes = TokenController.class)
class TokenProblems {

    @ExceptionHandler
    ProblemDetail invalidCredentials(InvalidCredentials error) {
        return problem(HttpStatus.UNAUTHORIZED, "Invalid credentials", "invalid-credentials", error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidRefreshToken(InvalidRefreshToken error) {
        return problem(HttpStatus.UNAUTHORIZED, "Invalid refresh token", "invalid-refresh-token", error.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> locked(SignInLocked error) {
        long seconds = Math.max(1, (long) Math.ceil(error.retryAfter().toMillis() / 1000.0));
        var problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins", "sign-in-locked",
                error.getMessage());
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String type, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://shopflow.dev/problems/" + type));
        return problem;
    }
}
