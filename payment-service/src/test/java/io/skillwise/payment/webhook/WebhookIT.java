package io.skillwise.payment.webhook;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import static io.skillwise.payment.support.StripeWebhooks.completedSession;
import static io.skillwise.payment.support.StripeWebhooks.dispute;
import static io.skillwise.payment.support.StripeWebhooks.event;
import static io.skillwise.payment.support.StripeWebhooks.newEventId;
import static io.skillwise.payment.support.StripeWebhooks.refundedCharge;
import static io.skillwise.payment.support.StripeWebhooks.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.payment.support.PaymentApiTest;
import io.skillwise.payment.support.StripeWebhooks;
import io.skillwise.testsupport.TestUser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Deliveries signed exactly as Stripe signs them, including the ones Stripe's retries and ordering produce. */
class WebhookIT extends PaymentApiTest {

    TestUser buyer = TestUser.student();

    @Test
    void signedCompletionPaysTheOrderOnceEvenWhenDeliveredTwice() {
        UUID orderId = newOrder(4999);
        String payload = event(newEventId(), "checkout.session.completed", completedSession(orderId, newPaymentIntent(), 4999));

        ApiResponse first = api.withHeader("Stripe-Signature", sign(payload)).post(StripeWebhooks.PATH, payload);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.text("result")).isEqualTo("APPLIED");
        ApiResponse again = api.withHeader("Stripe-Signature", sign(payload)).post(StripeWebhooks.PATH, payload);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("result")).isEqualTo("DUPLICATE");

        assertThat(status(orderId)).isEqualTo("PAID");
        assertThat(eventTypes(orderId)).containsExactly("CheckoutStarted", "CoursePurchased");
        assertThat(jdbc.sql("select count(*) from invoice where order_id = :id").param("id", orderId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void sixteenConcurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
        UUID orderId = newOrder(2000);
        String payload = event(newEventId(), "checkout.session.completed", completedSession(orderId, newPaymentIntent(), 2000));
        List<java.util.concurrent.Callable<String>> deliveries = java.util.stream.IntStream.range(0, 16)
                .<java.util.concurrent.Callable<String>>mapToObj(i -> () -> api.withHeader("Stripe-Signature",
                        sign(payload)).post(StripeWebhooks.PATH, payload).text("result"))
                .toList();
        List<String> results = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            for (var future : pool.invokeAll(deliveries)) {
                results.add(future.get());
            }
        }
        assertThat(results).filteredOn("APPLIED"::equals).hasSize(1);
        assertThat(results).filteredOn("DUPLICATE"::equals).hasSize(15);
        assertThat(eventTypes(orderId)).containsExactly("CheckoutStarted", "CoursePurchased");
        assertThat(jdbc.sql("select count(*) from earning_entry where order_id = :id").param("id", orderId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badSignatureStaleTimestampAndMissingHeaderAreRefusedBeforeAnything() {
        UUID orderId = newOrder(1000);
        String payload = event(newEventId(), "checkout.session.completed", completedSession(orderId, newPaymentIntent(), 1000));
        long recordedBefore = count("stripe_event");

        assertThat(api.withHeader("Stripe-Signature", sign(payload, "whsec_someone_else", Instant.now()))
                .post(StripeWebhooks.PATH, payload).status()).isEqualTo(400);
        assertThat(api.withHeader("Stripe-Signature", sign(payload, StripeWebhooks.SECRET, Instant.now()
                .minusSeconds(600))).post(StripeWebhooks.PATH, payload)
                .status()).as("older than the 5 minute tolerance").isEqualTo(400);
        assertThat(api.post(StripeWebhooks.PATH, payload).status()).isEqualTo(400);
        String tampered = payload.replace("\"amount_total\":1000", "\"amount_total\":1");
        assertThat(api.withHeader("Stripe-Signature", sign(payload)).post(StripeWebhooks.PATH, tampered).status())
                .isEqualTo(400);

        assertThat(status(orderId)).isEqualTo("PENDING");
        assertThat(count("stripe_event")).as("nothing was recorded for refused deliveries").isEqualTo(recordedBefore);
        assertThat(eventTypes(orderId)).containsExactly("CheckoutStarted");
    }

    @Test
    void refundArrivingBeforeTheCompletionIsAppliedOnceTheOrderIsPaid() {
        UUID orderId = newOrder(3000);
        String intent = newPaymentIntent();
        String refund = event(newEventId(), "charge.refunded", refundedCharge(intent, 3000, 3000));
        ApiResponse parked = api.withHeader("Stripe-Signature", sign(refund)).post(StripeWebhooks.PATH, refund);
        assertThat(parked.status()).isEqualTo(200);
        assertThat(parked.text("result")).isEqualTo("PARKED");
        assertThat(status(orderId)).isEqualTo("PENDING");

        String completed = event(newEventId(), "checkout.session.completed", completedSession(orderId, intent, 3000));
        assertThat(api.withHeader("Stripe-Signature", sign(completed)).post(StripeWebhooks.PATH, completed).status())
                .isEqualTo(200);

        assertThat(status(orderId)).isEqualTo("REFUNDED");
        assertThat(eventTypes(orderId)).containsExactly("CheckoutStarted", "CoursePurchased", "PaymentRefunded");
        assertThat(jdbc.sql("select count(*) from parked_stripe_event where intent_id = :pi").param("pi", intent)
                .query(Long.class).single()).isZero();
    }

    @Test
    void partialRefundsAddUpAndAStaleOneChangesNothing() {
        UUID orderId = newOrder(5000);
        String intent = newPaymentIntent();
        deliver("checkout.session.completed", completedSession(orderId, intent, 5000));
        deliver("charge.refunded", refundedCharge(intent, 5000, 2000));
        assertThat(status(orderId)).isEqualTo("PARTIALLY_REFUNDED");
        deliver("charge.refunded", refundedCharge(intent, 5000, 5000));
        deliver("charge.refunded", refundedCharge(intent, 5000, 2000));   // late redelivery of the first, new id

        assertThat(status(orderId)).isEqualTo("REFUNDED");
        List<String> refunds = jdbc.sql("""
                        select payload::text from outbox_event where event_key = :key
                        and event_type like '%PaymentRefunded%' order by seq""")
                .param("key", orderId.toString()).query(String.class).list();
        assertThat(refunds).hasSize(2);
        assertThat(ApiClient.JSON.readTree(refunds.get(0)).path("amount").path("amount").asLong()).isEqualTo(2000);
        assertThat(ApiClient.JSON.readTree(refunds.get(0)).path("full").asBoolean()).isFalse();
        assertThat(ApiClient.JSON.readTree(refunds.get(1)).path("amount").path("amount").asLong()).isEqualTo(3000);
        assertThat(ApiClient.JSON.readTree(refunds.get(1)).path("full").asBoolean()).isTrue();
        // each event says per line what went back and how much of its fee, exactly as the ledger reversed it
        JsonNode first = ApiClient.JSON.readTree(refunds.get(0)).path("lines");
        JsonNode second = ApiClient.JSON.readTree(refunds.get(1)).path("lines");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).path("amount").path("amount").asLong()).isEqualTo(2000);
        assertThat(second.get(0).path("amount").path("amount").asLong()).isEqualTo(3000);
        long feeGivenBack = first.get(0).path("platformFee").path("amount").asLong()
                + second.get(0).path("platformFee").path("amount").asLong();
        assertThat(feeGivenBack).isEqualTo(ledgerFee(orderId, "SALE")).isEqualTo(-ledgerFee(orderId, "REFUND"))
                .isPositive();
    }

    private long ledgerFee(UUID orderId, String kind) {
        return jdbc.sql("select sum(fee_amount) from earning_entry where order_id = :id and kind = :kind")
                .param("id", orderId).param("kind", kind).query(Long.class).single();
    }

    @Test
    void eventForAnUnknownOrderIsParkedAndPublishesNothing() {
        UUID unknown = UUID.randomUUID();
        String payload = event(newEventId(), "checkout.session.completed", completedSession(unknown, newPaymentIntent(), 100));
        ApiResponse response = api.withHeader("Stripe-Signature", sign(payload)).post(StripeWebhooks.PATH, payload);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("result")).isEqualTo("PARKED");
        assertThat(eventTypes(unknown)).isEmpty();
        assertThat(jdbc.sql("select count(*) from parked_stripe_event where order_id = :id").param("id", unknown)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void lostDisputeIsVisibleToAdminsWhileOpenAndEndsTheOrder() {
        UUID orderId = newOrder(2500);
        String intent = newPaymentIntent();
        String disputeId = "dp_test_" + UUID.randomUUID().toString().replace("-", "");
        deliver("checkout.session.completed", completedSession(orderId, intent, 2500));
        deliver("charge.dispute.created", dispute(disputeId, intent, 2500, "needs_response"));

        ApiResponse disputed = api.as(TestUser.admin()).get("/api/v1/admin/payments?status=DISPUTED");
        assertThat(disputed.status()).isEqualTo(200);
        assertThat(disputed.body().path("items").findValuesAsString("orderId")).contains(orderId.toString());
        assertThat(api.as(buyer).get("/api/v1/admin/payments?status=DISPUTED").status()).isEqualTo(403);

        deliver("charge.dispute.closed", dispute(disputeId, intent, 2500, "lost"));
        assertThat(status(orderId)).isEqualTo("DISPUTE_LOST");
        assertThat(eventTypes(orderId)).containsExactly("CheckoutStarted", "CoursePurchased", "PaymentDisputed",
                "DisputeClosed");
        String closed = jdbc.sql("select payload::text from outbox_event where event_key = :key and event_type like '%DisputeClosed%'")
                .param("key", orderId.toString()).query(String.class).single();
        assertThat(ApiClient.JSON.readTree(closed).path("outcome").asString()).isEqualTo("LOST");
        JsonNode lost = ApiClient.JSON.readTree(closed).path("lines");
        assertThat(lost).hasSize(1);
        assertThat(lost.get(0).path("amount").path("amount").asLong()).isEqualTo(2500);
        assertThat(lost.get(0).path("platformFee").path("amount").asLong()).isEqualTo(ledgerFee(orderId, "SALE"))
                .isEqualTo(-ledgerFee(orderId, "DISPUTE_LOST"));
        assertThat(jdbc.sql("select sum(net_amount) from earning_entry where order_id = :id").param("id", orderId)
                .query(Long.class).single()).as("earnings reversed").isZero();
    }

    @Test
    void wonDisputeRestoresThePaidOrder() {
        UUID orderId = newOrder(1500);
        String intent = newPaymentIntent();
        String disputeId = "dp_test_" + UUID.randomUUID().toString().replace("-", "");
        deliver("checkout.session.completed", completedSession(orderId, intent, 1500));
        deliver("charge.dispute.created", dispute(disputeId, intent, 1500, "needs_response"));
        assertThat(status(orderId)).isEqualTo("DISPUTED");
        deliver("charge.dispute.closed", dispute(disputeId, intent, 1500, "won"));

        assertThat(status(orderId)).isEqualTo("PAID");
        String closed = jdbc.sql("select payload::text from outbox_event where event_key = :key and event_type like '%DisputeClosed%'")
                .param("key", orderId.toString()).query(String.class).single();
        assertThat(ApiClient.JSON.readTree(closed).path("outcome").asString()).isEqualTo("WON");
        assertThat(ApiClient.JSON.readTree(closed).path("lines")).as("nothing taken back").isEmpty();
    }

    private UUID newOrder(long price) {
        return checkedOut(buyer, courseOnSale(UUID.randomUUID(), price).courseId());
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
