package io.skillwise.kit.health;

import org.springframework.boot.health.contributor.Status;

/**
 * Statuses of the kit's own health indicators beyond Spring Boot's. The kit's defaults order them
 * ({@code management.endpoint.health.status.order}) so that a component in one of them decides the overall status
 * unless another is DOWN or OUT_OF_SERVICE.
 */
public final class KitHealthStatus {

    /**
     * The service works, but something needs a person: a partition held by a record failing for a transient reason
     * for longer than {@code skillwise.consumer.stuck-after}, or outbox events parked because Kafka refuses them.
     * Answered with HTTP 200 (restarting the service would not help), and kept out of the liveness and readiness
     * groups; alert on it, or on the gauges behind it.
     */
    public static final Status DEGRADED = new Status("DEGRADED");

    private KitHealthStatus() {
    }
}
