package io.skillwise.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's strict firewall refuses paths such as {@code /api/v1/courses/../../internal/x}, encoded
 * slashes or dots, and control characters, before any route is chosen: that is what keeps a service's
 * {@code /internal/**} out of reach even though the gateway forwards paths unchanged. Its default answer is
 * an empty 400; this writes the same status as a problem.
 */
@Component
public class FirewallRejectionHandler implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallRejectionHandler.class);

    private final ProblemWriter problems;

    public FirewallRejectionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejection) {
        log.debug("Rejected request: {}", rejection.getMessage());
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "The request URL or its headers are not allowed");
    }
}
