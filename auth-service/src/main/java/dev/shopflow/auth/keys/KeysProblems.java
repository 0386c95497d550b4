package dev.shopflow.auth.keys;

import dev.shopflow.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Key errors as problem details. */
@RestControllerAdvice(assignableTypes = KeysController.class)
class KeysProblems {

    @ExceptionHandler
    ProblemDetail configured(KeysComeFromConfiguration error) {
        return ProblemResponses.typed(HttpStatus.CONFLICT, "signing-keys-configured",
                "Signing keys come from configuration", error.getMessage());
    }
}
