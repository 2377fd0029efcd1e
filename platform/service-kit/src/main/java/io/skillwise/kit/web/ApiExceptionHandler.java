package io.skillwise.kit.web;

import io.skillwise.kit.messaging.consumer.FailureKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import java.net.URI;
import java.util.List;

/**
 * The one error model of every service: RFC 9457 problems, field errors for validation, and a 500 that says
 * nothing about the code behind it (the details go to the log with the trace id).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String STORE_RETRY_AFTER_SECONDS = "5";

    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return answer(problem(e.status(), e.type(), e.getMessage(), request));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e, HttpServletRequest request) {
        return answer(problem(e.status(), e.type(), e.getMessage(), request), Long.toString(e.retryAfterSeconds()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messageOf(error))).toList();
        List<FieldProblem> global = e.getBindingResult().getGlobalErrors().stream()
                .map(error -> new FieldProblem(error.getObjectName(), error.getDefaultMessage())).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.", request);
        problem.setProperty("errors", concat(errors, global));
        return answer(problem);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid parameters.", request);
        problem.setProperty("errors", errors);
        return answer(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid values.", request);
        problem.setProperty("errors", errors);
        return answer(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (causedByTooLargeBody(e)) {
            return bodyTooLarge(request);
        }
        return answer(problem(HttpStatus.BAD_REQUEST, "unreadable-body",
                "The request body is not valid JSON for this operation, or has fields it does not accept.", request));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        String detail = switch (e) {
            case MethodArgumentTypeMismatchException m -> "Parameter '" + m.getName() + "' has an invalid value.";
            case MissingServletRequestParameterException m -> "Parameter '" + m.getParameterName() + "' is required.";
            case MissingRequestHeaderException m -> "Header '" + m.getHeaderName() + "' is required.";
            default -> "The request is invalid.";
        };
        return answer(problem(HttpStatus.BAD_REQUEST, "bad-request", detail, request));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return answer(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The upload is larger than allowed.", request));
    }

    /** A multipart body that cannot be read (no boundary, cut short, empty): the client's mistake, not ours. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e, HttpServletRequest request) {
        if (causedByTooLargeBody(e)) {
            return bodyTooLarge(request);
        }
        return answer(problem(HttpStatus.BAD_REQUEST, "unreadable-body",
                "The request body is not a readable multipart/form-data body for this operation.", request));
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(RequestBodyTooLargeException e, HttpServletRequest request) {
        return bodyTooLarge(request);
    }

    private static boolean causedByTooLargeBody(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> bodyTooLarge(HttpServletRequest request) {
        return answer(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                "The request body is larger than this operation takes.", request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return answer(problem(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.", request));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return answer(problem(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid access token is required.", request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        // Spring's own exceptions (unknown path, wrong method or media type, ResponseStatusException) know their status.
        if (e instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return answer(problem(status, status == HttpStatus.NOT_FOUND ? "not-found" : "bad-request",
                    known.getBody().getDetail(), request));
        }
        // A database or broker that is away (the classification the consumers retry on) is not a bug: the request
        // changed nothing and may pass in a moment, which a 503 with Retry-After tells clients and the gateway.
        if (FailureKind.of(e) == FailureKind.TRANSIENT) {
            log.warn("{} {} failed while a store is unreachable: {}", request.getMethod(), request.getRequestURI(),
                    FailureKind.rootCause(e));
            return answer(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "A store this service needs is not reachable right now; try again in a few seconds.", request),
                    STORE_RETRY_AFTER_SECONDS);
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side. The error was logged; try again later.", request));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(status, type, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    /**
     * The problem as the answer, its content type chosen here, not negotiated: Spring drops the body of an error
     * answer whose Accept header it cannot parse, and a client that sent a broken header needs the problem most.
     */
    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The problem as the answer, with the seconds a client should wait before it tries again. */
    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, String retryAfterSeconds) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).body(problem);
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static List<FieldProblem> concat(List<FieldProblem> a, List<FieldProblem> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

}
