package dev.shopflow.order.ordering.web;

import dev.shopflow.platform.web.FieldErrors;
import java.util.List;

/** Request values outside what the API accepts, found by a controller itself (headers, query parameters). */
class InvalidRequest extends RuntimeException {

    private final List<FieldErrors.FieldError> errors;

    InvalidRequest(FieldErrors.FieldError... errors) {
        super("Invalid request fields");
        this.errors = List.of(errors);
    }

    List<FieldErrors.FieldError> errors() {
        return errors;
    }
}
