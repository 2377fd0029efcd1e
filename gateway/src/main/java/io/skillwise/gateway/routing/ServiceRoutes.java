package io.skillwise.gateway.routing;

import java.util.List;

/**
 * Which service owns which {@code /api/v1} path (docs/architecture.md, section 2; the table in docs/gateway.md).
 * The first route whose patterns match wins, so a route that claims a few paths inside another service's broad
 * pattern comes before it: {@code /api/v1/courses/{id}/enroll} (enrollment) before {@code /api/v1/courses/**}
 * (catalog), and the literals {@code /api/v1/instructors/dashboard/**} and {@code /api/v1/instructors/reports/**} before {@code /api/v1/instructors/{id}/...}.
 * Services serve the same paths as the gateway, so paths are forwarded unchanged.
 */
public final class ServiceRoutes {

    /** Route metadata key naming the service a route leads to (used in 503 problems). */
    public static final String SERVICE_METADATA = "service";

    public static final List<String> SERVICES = List.of("identity", "catalog", "enrollment", "payment", "review",
            "promotion", "notification", "analytics");

    /**
     * One route of the table.
     *
     * @param id route id (unique)
     * @param service the owning service, a key of {@code skillwise.gateway.services}
     * @param upload true for large uploads: a longer time limit, and a circuit breaker of their own
     * @param paths Spring path patterns
     */
    public record ServiceRoute(String id, String service, boolean upload, List<String> paths) {

        public String circuitBreakerName() {
            return upload ? service + "-upload" : service;
        }
    }

    public static final List<ServiceRoute> ORDERED = List.of(
            // The hot anonymous paths first: course listing and details are catalog's alone, and every route
            // tried before the matching one costs a predicate evaluation on every request.
            route("catalog-browse", "catalog", "/api/v1/courses", "/api/v1/courses/{id}"),
            route("analytics", "analytics",
                    "/api/v1/instructors/dashboard/**", "/api/v1/instructors/courses", "/api/v1/instructors/reports/**",
                    "/api/v1/admin/analytics/**"),
            route("payment", "payment",
                    "/api/v1/payments/**", "/api/v1/subscriptions/**", "/api/v1/instructors/earnings/**",
                    "/api/v1/admin/payments/**"),
            route("enrollment", "enrollment",
                    "/api/v1/courses/{id}/enroll", "/api/v1/enrollments/**", "/api/v1/progress/**",
                    "/api/v1/lessons/{id}/quiz-attempts", "/api/v1/lessons/{id}/activity", "/api/v1/certificates/**",
                    "/api/v1/instructors/courses/{id}/students", "/api/v1/admin/enrollments/**"),
            route("review", "review",
                    "/api/v1/courses/{id}/reviews/**", "/api/v1/courses/{id}/ratings", "/api/v1/reviews/**",
                    "/api/v1/instructors/{id}/ratings", "/api/v1/admin/reports/**", "/api/v1/admin/ratings/**"),
            route("notification", "notification",
                    "/api/v1/notifications/**", "/api/v1/admin/notifications/**",
                    "/api/v1/courses/{id}/announcements/**", "/api/v1/courses/{id}/threads/**", "/api/v1/threads/**",
                    "/api/v1/posts/**", "/api/v1/courses/{id}/reminders/**"),
            route("promotion", "promotion", "/api/v1/promotions/**", "/api/v1/affiliates/**"),
            upload("identity-avatar", "identity", "/api/v1/profile/avatar"),
            route("identity", "identity",
                    "/api/v1/auth/**", "/api/v1/profile/**", "/api/v1/users/**", "/api/v1/admin/users/**",
                    "/api/v1/instructors/{id}/profile"),
            upload("catalog-assets", "catalog", "/api/v1/lessons/{id}/assets", "/api/v1/assets/{id}"),
            route("catalog", "catalog",
                    "/api/v1/courses/**", "/api/v1/modules/**", "/api/v1/lessons/**", "/api/v1/categories/**",
                    "/api/v1/admin/courses/**"));

    /** The gateway serves each service's OpenAPI document at {@code /v3/api-docs/<service>}. */
    public static String apiDocsPath(String service) {
        return "/v3/api-docs/" + service;
    }

    private static ServiceRoute route(String id, String service, String... paths) {
        return new ServiceRoute(id, service, false, List.of(paths));
    }

    private static ServiceRoute upload(String id, String service, String... paths) {
        return new ServiceRoute(id, service, true, List.of(paths));
    }

    private ServiceRoutes() {
    }
}
