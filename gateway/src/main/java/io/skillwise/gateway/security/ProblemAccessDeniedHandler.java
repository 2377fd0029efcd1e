package io.skillwise.gateway.security;

import io.skillwise.gateway.problem.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * 403 as a problem. The gateway denies two things itself: {@code /api/v1/admin/**} without the admin role, and a
 * token of another service's client anywhere but the metrics ({@link ClientRules}).
 */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemWriter problems;

    ProblemAccessDeniedHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, HttpStatus.FORBIDDEN,
                "This access token may not call this API: it lacks the role, or it is not a user's token");
    }
}
