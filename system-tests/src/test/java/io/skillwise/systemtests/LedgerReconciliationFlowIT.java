package io.skillwise.systemtests;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * analytics-service's money reconciles with payment-service's earnings ledger to the cent over a generated history:
 * learners buy courses of two instructors at awkward prices, and a seeded share of the orders is refunded in one or
 * two partial steps of odd amounts through Stripe's signed {@code charge.refunded} (running totals, as Stripe sends
 * them), so every fee proration and rounding path of the ledger is taken. Then, per instructor, analytics'
 * transaction history holds exactly payment's ledger entries, row for row, and the dashboard's totals are the
 * ledger's totals. Size: {@code -Dskillwise.reconciliation.learners} (default 4) learners each buying every course.
 */
class LedgerReconciliationFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final long[] PRICES = {4999, 3333, 2599, 1001};

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void analyticsMoneyEqualsPaymentsLedgerPerInstructorAfterManyPartialRefunds() {
        int learners = Integer.getInteger("skillwise.reconciliation.learners", 4);
        Random random = new Random(20261205);
        String category = PublishedCourses.category(platform);
        List<PlatformUsers.Session> instructors = List.of(PlatformUsers.instructor(platform),
                PlatformUsers.instructor(platform));
        List<UUID> courses = new ArrayList<>();
        for (int i = 0; i < PRICES.length; i++) {
            courses.add(PublishedCourses.paid(platform, instructors.get(i % 2), category, "Reconciled course " + i,
                    PRICES[i]));
        }
        ApiClient gateway = PlatformUsers.api(platform);
        int refundEvents = 0;
        for (int l = 0; l < learners; l++) {
            PlatformUsers.Session learner = PlatformUsers.verifiedStudent(platform);
            for (int i = 0; i < courses.size(); i++) {
                UUID order = UUID.fromString(LocalCheckout.create(learner, courses.get(i)).path("orderId").asString());
                deliver(gateway, SignedWebhooks.checkoutCompleted(order, PRICES[i], "USD"));
                // a seeded half of the orders is refunded: a partial step, and sometimes a second one
                if (random.nextBoolean()) {
                    long first = 1 + random.nextInt((int) PRICES[i] - 1);
                    deliver(gateway, SignedWebhooks.chargeRefunded(order, PRICES[i], first));
                    refundEvents++;
                    if (random.nextBoolean()) {
                        long second = first + 1 + random.nextInt((int) (PRICES[i] - first));
                        deliver(gateway, SignedWebhooks.chargeRefunded(order, PRICES[i], second));
                        refundEvents++;
                    }
                }
            }
        }
        assertThat(refundEvents).as("the seed refunds some orders").isPositive();

        for (PlatformUsers.Session instructor : instructors) {
            JsonNode ledger = instructor.client().get("/instructors/earnings").assertStatus(200).body();
            List<String> paymentRows = new ArrayList<>();
            for (JsonNode item : ledger.path("items")) {
                paymentRows.add(row(item.path("kind").asString(), item.path("orderId").asString(),
                        item.path("courseId").asString(), item.path("grossAmount").asLong(),
                        item.path("feeAmount").asLong(), item.path("netAmount").asLong()));
            }
            assertThat(paymentRows).hasSizeGreaterThanOrEqualTo(2 * learners);

            // analytics has applied everything once its transaction history has as many rows as the ledger
            JsonNode transactions = eventually(PATIENCE,
                    () -> instructor.client().get("/instructors/reports/transactions?size=100"),
                    response -> assertThat(response.assertStatus(200).body().path("items"))
                            .hasSize(paymentRows.size())).body();
            List<String> analyticsRows = new ArrayList<>();
            for (JsonNode item : transactions.path("items")) {
                analyticsRows.add(row(item.path("kind").asString(), item.path("orderId").asString(),
                        item.path("courseId").asString(), item.path("gross").asLong(),
                        item.path("platformFee").asLong(), item.path("net").asLong()));
            }
            assertThat(analyticsRows).as("analytics' ledger is payment's, row for row")
                    .containsExactlyInAnyOrderElementsOf(paymentRows);

            JsonNode totals = ledger.path("totals").get(0);
            JsonNode money = instructor.client().get("/instructors/dashboard").assertStatus(200).body()
                    .path("earnings").path("total").get(0);
            assertThat(money.path("gross").asLong() - money.path("refunded").asLong())
                    .isEqualTo(totals.path("gross").asLong());
            assertThat(money.path("platformFee").asLong()).isEqualTo(totals.path("platformFee").asLong());
            assertThat(money.path("net").asLong()).isEqualTo(totals.path("net").asLong());
        }
    }

    private static void deliver(ApiClient gateway, String payload) {
        assertThat(SignedWebhooks.deliver(gateway, payload).assertStatus(200).text("result")).isEqualTo("APPLIED");
    }

    private static String row(String kind, String orderId, String courseId, long gross, long fee, long net) {
        return kind + " order " + orderId + " course " + courseId + ": " + gross + " = fee " + fee + " + net " + net;
    }
}
