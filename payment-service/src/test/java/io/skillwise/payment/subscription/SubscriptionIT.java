package io.skillwise.payment.subscription;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.payment.support.PaymentApiTest;
import io.skillwise.payment.support.StripeWebhooks;
import io.skillwise.testsupport.TestUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The all-access plan with the local provider, then Stripe Billing's later events signed as Stripe signs them. */
class SubscriptionIT extends PaymentApiTest {

    TestUser subscriber = TestUser.student();

    @Test
    void subscribeOnTheLocalPageThenCancelAtPeriodEnd() {
        String key = UUID.randomUUID().toString();
        ApiResponse created = subscribe(key);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("PENDING");
        String id = created.text("subscriptionId");
        assertThat(created.text("checkoutUrl")).endsWith("/api/v1/payments/local-checkout/subscriptions/" + id);
        assertThat(subscribe(key).text("subscriptionId")).as("same Idempotency-Key").isEqualTo(id);

        assertThat(api.get("/api/v1/payments/local-checkout/subscriptions/" + id).text())
                .contains("Subscribe", "19.99 USD");
        assertThat(api.get("/api/v1/payments/local-checkout/subscriptions/" + id + "/subscribe").text())
                .contains("Subscribed");

        JsonNode mine = mine().get(0);
        assertThat(mine.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(mine.path("currentPeriodEnd").asString()).isNotBlank();
        assertThat(eventTypes(id)).containsExactly("SubscriptionActivated");
        assertThat(subscribe(UUID.randomUUID().toString()).status()).as("one live plan at a time").isEqualTo(409);
        assertThat(api.as(TestUser.student()).send("DELETE", "/api/v1/subscriptions/" + id, null)
                .status()).as("someone else's").isEqualTo(403);

        ApiResponse cancelled = api.as(subscriber).send("DELETE", "/api/v1/subscriptions/" + id, null);
        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.body().path("cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(cancelled.text("status")).as("access runs to the end of the period").isEqualTo("ACTIVE");

        deliver("customer.subscription.deleted", stripeSubscription(id, null));
        assertThat(mine().get(0).path("status").asString()).isEqualTo("ENDED");
        assertThat(eventTypes(id)).containsExactly("SubscriptionActivated", "SubscriptionEnded");
        assertThat(lastPayload(id).path("reason").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void renewalsExtendDunningWaitsAndFailedPaymentsEndIt() {
        String id = subscribe(UUID.randomUUID().toString()).text("subscriptionId");
        api.get("/api/v1/payments/local-checkout/subscriptions/" + id + "/subscribe");
        Instant end = Instant.parse(mine().get(0).path("currentPeriodEnd").asString());

        Map<String, Object> renewal = StripeWebhooks.subscriptionInvoice(id, end, end.plus(30, ChronoUnit.DAYS),
                1999);
        deliver("invoice.paid", renewal);
        deliver("invoice.paid", renewal);   // the same period under a new event id changes nothing
        assertThat(eventTypes(id)).containsExactly("SubscriptionActivated", "SubscriptionRenewed");
        assertThat(Instant.parse(mine().get(0).path("currentPeriodEnd").asString()))
                .isEqualTo(end.plus(30, ChronoUnit.DAYS));

        deliver("invoice.payment_failed", StripeWebhooks.subscriptionInvoice(id, end.plus(30, ChronoUnit.DAYS),
                end.plus(60, ChronoUnit.DAYS), 1999));
        assertThat(mine().get(0).path("status").asString()).isEqualTo("PAST_DUE");

        deliver("customer.subscription.deleted", stripeSubscription(id, "payment_failed"));
        assertThat(mine().get(0).path("status").asString()).isEqualTo("ENDED");
        assertThat(lastPayload(id).path("reason").asString()).isEqualTo("PAYMENT_FAILED");
    }

    @Test
    void everyPaidPeriodIsInvoicedInHistoryAndAsPdfForTheSubscriberOnly() {
        String id = subscribe(UUID.randomUUID().toString()).text("subscriptionId");
        api.get("/api/v1/payments/local-checkout/subscriptions/" + id + "/subscribe");
        Instant end = Instant.parse(mine().get(0).path("currentPeriodEnd").asString());
        Map<String, Object> renewal = StripeWebhooks.subscriptionInvoice(id, end, end.plus(30, ChronoUnit.DAYS),
                1999);
        deliver("invoice.paid", renewal);
        deliver("invoice.paid", renewal);

        ApiResponse history = api.as(subscriber).get("/api/v1/payments/history");
        assertThat(history.status()).isEqualTo(200);
        JsonNode invoices = history.body().path("subscriptionInvoices");
        assertThat(invoices).as("the first period and the renewal, once each").hasSize(2);
        assertThat(invoices.findValuesAsString("number")).allMatch(n -> n.matches("SW-\\d{4}-\\d{6}"))
                .doesNotHaveDuplicates();
        assertThat(invoices.findValuesAsString("subscriptionId")).containsOnly(id);
        String invoiceId = invoices.get(0).path("invoiceId").asString();
        ApiResponse json = api.as(subscriber).withHeader("Accept", "application/json")
                .get("/api/v1/payments/invoices/" + invoiceId);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body().path("subscriptionId").asString()).isEqualTo(id);
        assertThat(json.body().path("total").path("amount").asLong()).isEqualTo(1999);
        assertThat(json.body().path("lines").get(0).path("description").asString()).contains("all-access-monthly");
        ApiResponse pdf = api.as(subscriber).withHeader("Accept", "application/pdf")
                .get("/api/v1/payments/invoices/" + invoiceId);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.raw(), 0, 5)).isEqualTo("%PDF-");
        assertThat(api.as(TestUser.student()).withHeader("Accept", "application/pdf")
                .get("/api/v1/payments/invoices/" + invoiceId).status()).isEqualTo(403);
    }

    private ApiResponse subscribe(String key) {
        return api.as(subscriber).withHeader("Idempotency-Key", key).post("/api/v1/subscriptions", "");
    }

    private JsonNode mine() {
        ApiResponse response = api.as(subscriber).get("/api/v1/subscriptions");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static Map<String, Object> stripeSubscription(String id, String cancellationReason) {
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("id", StripeWebhooks.stripeSubscriptionId(id));
        subscription.put("object", "subscription");
        subscription.put("status", "canceled");
        subscription.put("metadata", Map.of("subscriptionId", id));
        if (cancellationReason != null) {
            subscription.put("cancellation_details", Map.of("reason", cancellationReason));
        }
        return subscription;
    }

    private JsonNode lastPayload(String id) {
        return ApiClient.JSON.readTree(jdbc.sql("select payload::text from outbox_event where event_key = :key order by seq desc limit 1")
                .param("key", id).query(String.class).single());
    }
}
