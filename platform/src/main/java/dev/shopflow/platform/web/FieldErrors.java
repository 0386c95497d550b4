package dev.shopflow.platform.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of a validation problem in every service: a 422 whose {@code errors} list names each field that
 * failed and why ({@code [{"field": "password", "message": "..."}]}). Bean Validation failures get it from
 * {@link ProblemDetailsAdvice}; a service's own rules (a password policy, say) build it here.
 */
public final class FieldErrors {

    public static final URI TYPE = URI.create(ProblemResponses.TYPE_BASE + "invalid-fields");

    /** One failing field. */
    public record FieldError(String field, String message) {
    }

    private FieldErrors() {
    }

    public static ProblemDetail problem(List<FieldError> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The request has invalid fields: see errors.");
        problem.setTitle("Invalid request content");
        problem.setType(TYPE);
        problem.setProperty("errors", errors);
        return problem;
    }
}
