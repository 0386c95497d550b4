package dev.shopflow.auth.token.web;

import dev.shopflow.auth.token.InvalidCredentials;
import dev.shopflow.auth.token.InvalidRefreshToken;
import dev.shopflow.auth.token.SignInLocked;
import dev.shopflow.platform.web.ProblemResponses;
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
        return ProblemResponses.typed(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidRefreshToken(InvalidRefreshToken error) {
        return ProblemResponses.typed(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token",
                error.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> locked(SignInLocked error) {
        long seconds = Math.max(1, (long) Math.ceil(error.retryAfter().toMillis() / 1000.0));
        var problem = ProblemResponses.typed(HttpStatus.TOO_MANY_REQUESTS, "sign-in-locked", "Too many failed sign-ins",
                error.getMessage());
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(problem);
    }
}
