package io.skillwise.gateway.problem;

import java.io.IOException;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.skillwise.gateway.routing.ServiceRoutes;
import io.skillwise.gateway.tracing.LogCorrelation;
import io.skillwise.gateway.web.GatewayProblemException;
import io.skillwise.gateway.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Turns every exception that reaches the edge into an RFC 9457 problem (never a stack trace). Ordered before
 * Spring Boot's own error handler (-1), which would answer with its JSON error attributes instead.
 */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ProblemWriter problems;

    public ProblemWebExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        // Whatever is logged below carries the request id and the trace.
        try (LogCorrelation ignored = LogCorrelation.of(exchange, RequestIdFilter.requestIdOf(exchange))) {
            return answer(exchange, failure);
        }
    }

    private Mono<Void> answer(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            // Part of a downstream answer is already on the wire; nothing honest can be added to it.
            return Mono.error(failure);
        }
        if (failure instanceof GatewayProblemException problem) {
            return problems.write(exchange, problem.status(), problem.getMessage(), problem.headers());
        }
        String service = serviceOf(exchange);
        if (failure instanceof ServiceUnavailableException || failure instanceof CallNotPermittedException) {
            // The service's circuit breaker is open: answered at once, without calling the service.
            return unavailable(exchange, service);
        }
        if (failure instanceof ResponseStatusException statusException) {
            return writeStatus(exchange, statusException, service);
        }
        if (failure instanceof AuthenticationServiceException) {
            // The signing keys could not be fetched (identity provider down and nothing cached yet).
            log.debug("Token validation unavailable [{}]: {}", RequestIdFilter.requestIdOf(exchange), failure.toString());
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    "Access tokens cannot be validated right now; try again shortly");
        }
        if (hasCause(failure, DataBufferLimitException.class)) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "The request body is too large");
        }
        if (service != null && hasCause(failure, IOException.class)) {
            // Connection refused, connect timeout, connection closed early: the service is not there to answer.
            log.debug("{} unavailable [{}]: {}", service, RequestIdFilter.requestIdOf(exchange), failure.toString());
            return unavailable(exchange, service);
        }
        log.error("Unexpected error [{}] on {} {}", RequestIdFilter.requestIdOf(exchange),
                exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), failure);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred");
    }

    private Mono<Void> writeStatus(ServerWebExchange exchange, ResponseStatusException failure, String service) {
        HttpStatusCode code = failure.getStatusCode();
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case SERVICE_UNAVAILABLE -> unavailable(exchange, service);
            case GATEWAY_TIMEOUT -> problems.write(exchange, status,
                    (service == null ? "The service" : service) + " did not answer in time");
            case NOT_FOUND -> problems.write(exchange, status, "No API is served at this path");
            case METHOD_NOT_ALLOWED -> problems.write(exchange, status, "This method is not allowed here");
            case CONTENT_TOO_LARGE -> problems.write(exchange, status, "The request body is too large");
            default -> status.is4xxClientError()
                    ? problems.write(exchange, status, status.getReasonPhrase())
                    : internalError(exchange, failure);
        };
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, String service) {
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                (service == null ? "The service" : service) + " is unavailable",
                Map.of("Retry-After", "5"));
    }

    private Mono<Void> internalError(ServerWebExchange exchange, Throwable failure) {
        log.error("Unexpected error [{}] on {} {}", RequestIdFilter.requestIdOf(exchange),
                exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), failure);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred");
    }

    private static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return null;
        }
        Object service = route.getMetadata().get(ServiceRoutes.SERVICE_METADATA);
        return service == null ? null : service.toString();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
