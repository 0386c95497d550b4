package dev.shopflow.auth.keys;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Key errors as problem details. */
@RestControllerAdvice(assignableTypes = KeysController.class)
class KeysProblems {

    @ExceptionHandler
    ProblemDetail configured(KeysComeFromConfiguration error) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, error.getMessage());
        problem.setTitle("Signing keys come from configuration");
        problem.setType(URI.create("https://shopflow.dev/problems/signing-keys-configured"));
        return problem;
    }
}
