package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiResponse;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The subscription revenue share's admin calls through the gateway (ADR 0020): an admin closes an ended month and
 * reads it back; the running month cannot be closed; nobody else may. The money of a share is proved by
 * payment-service's {@code RevenueShareIT}: a platform started now has no ended month with subscription revenue.
 */
class SubscriptionRevenueShareFlowIT {

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void anAdminClosesAnEndedMonthThroughTheGatewayAndNobodyElseMay() {
        PlatformUsers.Session admin = PlatformUsers.admin(platform);

        ApiResponse closed = admin.client().post("/admin/payments/revenue-shares/2020-01", "").assertStatus(200);
        assertThat(closed.text("month")).isEqualTo("2020-01");
        assertThat(closed.body().path("shares")).as("nobody subscribed in 2020").isEmpty();
        assertThat(admin.client().get("/admin/payments/revenue-shares/2020-01").assertStatus(200).body()
                .path("closedAt")).isEqualTo(closed.body().path("closedAt"));

        ApiResponse running = admin.client()
                .post("/admin/payments/revenue-shares/" + YearMonth.now(ZoneOffset.UTC), "");
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.text("type")).endsWith("month-not-ended");
        assertThat(admin.client().post("/admin/payments/revenue-shares/January", "").status()).isEqualTo(400);

        assertThat(PlatformUsers.instructor(platform).client().get("/admin/payments/revenue-shares/2020-01")
                .status()).isEqualTo(403);
        assertThat(PlatformUsers.verifiedStudent(platform).client()
                .post("/admin/payments/revenue-shares/2020-02", "").status()).isEqualTo(403);
    }
}
