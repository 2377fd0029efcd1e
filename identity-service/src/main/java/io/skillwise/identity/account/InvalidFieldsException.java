package io.skillwise.identity.account;

import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.ApiExceptionHandler.FieldProblem;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A body checked field by field (PATCH routes that must name every refused field, including unknown and read-only
 * ones). Controllers turn it into the contract's validation problem with {@code errors: [{field, message}]}.
 */
public class InvalidFieldsException extends ApiException {

    private final List<FieldProblem> errors;

    public InvalidFieldsException(List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public org.springframework.http.ProblemDetail toProblem(String instance) {
        org.springframework.http.ProblemDetail problem = io.skillwise.kit.web.Problems.of(status(), type(), getMessage());
        problem.setInstance(java.net.URI.create(instance));
        problem.setProperty("errors", errors);
        return problem;
    }
}
