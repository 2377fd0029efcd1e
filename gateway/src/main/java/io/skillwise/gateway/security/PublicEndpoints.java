package io.skillwise.gateway.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * What may be called without an access token (the guest calls of docs/gateway.md). The gateway only
 * authenticates; the services decide the rest, e.g. whether a lesson is a free preview. A token that is sent
 * is validated anyway, so an invalid token on a public path is still a 401.
 */
final class PublicEndpoints {

    record Rule(HttpMethod method, List<String> paths) {
    }

    static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.GET, List.of(
                    "/api/v1/courses/**",           // listing, details, modules, reviews, ratings
                    "/api/v1/categories/**",
                    "/api/v1/modules/*/lessons",
                    "/api/v1/lessons/*",            // the catalog answers 403 unless it is a preview
                    "/api/v1/lessons/*/assets", "/api/v1/lessons/*/assets/*/url", // preview files: catalog decides
                    "/api/v1/assets/*",             // lesson files: the catalog checks the token or the signed URL
                    "/api/v1/instructors/*/profile",
                    "/api/v1/users/*/avatar",       // avatars are shown next to public reviews and profiles
                    "/api/v1/instructors/*/ratings",
                    "/api/v1/reviews/*",            // one review; review-service shows only visible ones to guests
                    "/api/v1/certificates/**",      // public certificate verification
                    "/api/v1/payments/local-checkout/**",
                    "/api/v1/affiliates/links/*",   // shared affiliate links; promotion-service counts the click
                    "/api/v1/promotions/bundles", "/api/v1/promotions/bundles/*", // active bundles are on sale to all
                    "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
                    "/actuator/health/**", "/actuator/info")),
            // Stripe calls the webhook; payment-service checks its Stripe-Signature.
            new Rule(HttpMethod.POST, List.of("/api/v1/auth/**", "/api/v1/payments/webhook")));

    /** Under {@code /api/v1/auth/**} but for signed-in users only. */
    static final String LOGOUT = "/api/v1/auth/logout";

    /** The one role the gateway enforces itself; every other role check is the services' job. */
    static final String ADMIN_PATHS = "/api/v1/admin/**";

    /** Metrics: for other services' tokens (a Prometheus with a client of its own) or the management port. */
    static final String METRICS = "/actuator/prometheus";

    private PublicEndpoints() {
    }
}
