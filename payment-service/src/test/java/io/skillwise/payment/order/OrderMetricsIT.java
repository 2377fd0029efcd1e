package io.skillwise.payment.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.payment.support.PaymentApiTest;
import io.skillwise.testsupport.MonitoringQueries;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business dashboard's purchases and refunds: an order paid counts once however often its payment arrives, a
 * confirmed full refund counts as full, and both are exposed under the names the dashboard reads.
 */
class OrderMetricsIT extends PaymentApiTest {

    @Autowired
    MeterRegistry registry;

    private final TestUser buyer = TestUser.student();

    @Test
    void aPaidOrderAndItsFullRefundAreCountedOnceAndExposed() {
        Counter purchases = registry.get(OrderMetrics.PURCHASES).counter();
        Counter fullRefunds = registry.get(OrderMetrics.REFUNDS).tag("full", "true").counter();
        Counter partialRefunds = registry.get(OrderMetrics.REFUNDS).tag("full", "false").counter();
        double purchasesBefore = purchases.count();
        double fullBefore = fullRefunds.count();
        double partialBefore = partialRefunds.count();
        CoursePublished course = courseOnSale(TestUser.instructor().id(), 2500);
        String orderId = checkedOut(buyer, course.courseId()).toString();

        api.get("/api/v1/payments/local-checkout/" + orderId + "/pay");
        api.get("/api/v1/payments/local-checkout/" + orderId + "/pay");

        assertThat(status(orderId)).isEqualTo("PAID");
        assertThat(purchases.count() - purchasesBefore).as("paid once, counted once").isEqualTo(1);

        assertThat(api.as(TestUser.admin()).post("/api/v1/payments/" + orderId + "/refund",
                Map.of("reason", "support")).status()).isEqualTo(202);

        assertThat(status(orderId)).isEqualTo("REFUNDED");
        assertThat(fullRefunds.count() - fullBefore).isEqualTo(1);
        assertThat(partialRefunds.count() - partialBefore).isZero();
        Set<String> exposed = MonitoringQueries.exposedNames(api.as(TestUser.service("notification-service"))
                .get("/actuator/prometheus").assertStatus(200).text());
        MonitoringQueries.assertBusinessMetricsAreExposed(exposed, "payment-service");
    }
}
