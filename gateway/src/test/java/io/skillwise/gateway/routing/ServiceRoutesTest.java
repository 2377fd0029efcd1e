package io.skillwise.gateway.routing;

import java.util.List;
import java.util.Optional;

import io.skillwise.gateway.routing.ServiceRoutes.ServiceRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRoutesTest {

    /** The gateway's own rule: the first route (in order) with a matching pattern wins. */
    private static Optional<ServiceRoute> routeFor(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return ServiceRoutes.ORDERED.stream()
                .filter(route -> route.paths().stream()
                        .anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(container)))
                .findFirst();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/courses, catalog",
            "/api/v1/courses/c1, catalog",
            "/api/v1/courses/c1/modules, catalog",
            "/api/v1/courses/c1/enroll, enrollment",
            "/api/v1/courses/c1/reviews, review",
            "/api/v1/courses/c1/reviews/r1, review",
            "/api/v1/courses/c1/ratings, review",
            "/api/v1/courses/c1/reviews/mine, review",
            "/api/v1/courses/c1/reviews/eligibility, review",
            "/api/v1/reviews/r1, review",
            "/api/v1/reviews/r1/reply, review",
            "/api/v1/reviews/r1/helpful, review",
            "/api/v1/reviews/r1/report, review",
            "/api/v1/courses/c1/announcements, notification",
            "/api/v1/courses/c1/announcements/a1, notification",
            "/api/v1/courses/c1/threads, notification",
            "/api/v1/courses/c1/reminders, notification",
            "/api/v1/courses/c1/reminders/r1, notification",
            "/api/v1/threads/t1/posts, notification",
            "/api/v1/posts/p1, notification",
            "/api/v1/posts/p1/report, notification",
            "/api/v1/notifications, notification",
            "/api/v1/notifications/n1/read, notification",
            "/api/v1/notifications/preferences, notification",
            "/api/v1/notifications/preferences/quiet-hours, notification",
            "/api/v1/notifications/unsubscribe, notification",
            "/api/v1/notifications/stream, notification",
            "/api/v1/admin/notifications/failures, notification",
            "/api/v1/lessons/l1, catalog",
            "/api/v1/lessons/l1/quiz-attempts, enrollment",
            "/api/v1/lessons/l1/activity, enrollment",
            "/api/v1/instructors/i1/profile, identity",
            "/api/v1/instructors/i1/ratings, review",
            "/api/v1/instructors/dashboard, analytics",
            "/api/v1/instructors/courses, analytics",
            "/api/v1/instructors/reports/sales, analytics",
            "/api/v1/instructors/reports/transactions, analytics",
            "/api/v1/instructors/courses/c1/students, enrollment",
            "/api/v1/instructors/earnings, payment",
            // literal segments win over {id} segments of other services
            "/api/v1/instructors/dashboard/profile, analytics",
            "/api/v1/instructors/earnings/ratings, payment",
            "/api/v1/instructors/reports/ratings, analytics",
            "/api/v1/admin/users, identity",
            "/api/v1/admin/enrollments, enrollment",
            "/api/v1/admin/enrollments/e1/revoke, enrollment",
            "/api/v1/assets/a1, catalog",
            "/api/v1/promotions/quote, promotion",
            "/api/v1/affiliates/links/CODE, promotion",
            "/api/v1/admin/courses, catalog",
            "/api/v1/admin/payments, payment",
            "/api/v1/admin/reports, review",
            "/api/v1/admin/reports/reviews/r1/decisions, review",
            "/api/v1/admin/reports/actions, review",
            "/api/v1/admin/ratings/rebuild, review",
            "/api/v1/admin/analytics, analytics",
            "/api/v1/admin/analytics/reports/sales, analytics",
            "/api/v1/admin/analytics/projections/rebuild, analytics",
            "/api/v1/profile, identity",
            "/api/v1/payments/webhook, payment",
            "/api/v1/affiliates/me, promotion"})
    void firstMatchingRouteIsTheOwningService(String path, String service) {
        assertThat(routeFor(path)).map(ServiceRoute::service).contains(service);
    }

    @Test
    void uploadsHaveTheirOwnRoutesWithTheirOwnBreakers() {
        assertThat(routeFor("/api/v1/profile/avatar")).get()
                .satisfies(route -> assertThat(route.circuitBreakerName()).isEqualTo("identity-upload"));
        assertThat(routeFor("/api/v1/lessons/l1/assets")).get()
                .satisfies(route -> assertThat(route.circuitBreakerName()).isEqualTo("catalog-upload"));
    }

    @Test
    void nothingOutsideTheApiIsRouted() {
        assertThat(routeFor("/internal/outbox")).isEmpty();
        assertThat(routeFor("/actuator/health")).isEmpty();
        assertThat(routeFor("/api/v2/courses")).isEmpty();
        assertThat(routeFor("/api/v1")).isEmpty();
    }

    @Test
    void everyServiceHasRoutesAndEveryRouteAKnownService() {
        List<String> routed = ServiceRoutes.ORDERED.stream().map(ServiceRoute::service).distinct().toList();
        assertThat(routed).containsExactlyInAnyOrderElementsOf(ServiceRoutes.SERVICES);
        assertThat(ServiceRoutes.ORDERED.stream().map(ServiceRoute::id).distinct().count())
                .isEqualTo(ServiceRoutes.ORDERED.size());
    }
}
