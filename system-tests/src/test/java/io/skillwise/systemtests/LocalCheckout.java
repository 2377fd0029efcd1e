package io.skillwise.systemtests;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

/**
 * What a buyer's browser does with payment-service's local provider, and what the buyer sees next: open the
 * {@code checkoutUrl} without a token (as after a redirect to Stripe), press Pay, and find the course among their
 * enrollments once {@code CoursePurchased} has travelled.
 */
final class LocalCheckout {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private LocalCheckout() {
    }

    /**
     * The buyer checks one course out ({@code POST /payments/create}); answers the created order. payment-service
     * learns prices from catalog's events, so a course published a moment ago is tried again until it knows it.
     */
    static JsonNode create(PlatformUsers.Session buyer, UUID courseId) {
        return create(buyer, courseId, UnaryOperator.identity());
    }

    /** {@link #create(PlatformUsers.Session, UUID)} with headers of the caller's, e.g. a {@code traceparent}. */
    static JsonNode create(PlatformUsers.Session buyer, UUID courseId, UnaryOperator<ApiClient> headers) {
        String key = UUID.randomUUID().toString();
        return eventually(PATIENCE,
                () -> headers.apply(buyer.client()).withHeader("Idempotency-Key", key).post("/payments/create",
                        Map.of("courseId", courseId)),
                response -> assertThat(response.status()).as("the course's price is known").isNotEqualTo(404))
                .assertStatus(201).body();
    }

    /** Checks the course out, pays on the local page and waits for the enrollment; answers the order id. */
    static String buy(PlatformUsers.Session buyer, UUID courseId) {
        JsonNode order = create(buyer, courseId);
        pay(order.path("checkoutUrl").asString());
        awaitEnrolled(buyer, courseId);
        return order.path("orderId").asString();
    }

    /** Opens the checkout page and presses Pay; returns the page as the buyer saw it before paying. */
    static String pay(String checkoutUrl) {
        ApiClient browser = ApiClient.at(checkoutUrl);
        String page = browser.get(checkoutUrl).assertStatus(200).text();
        ApiResponse paid = browser.get(formAction(page, checkoutUrl, "Pay")).assertStatus(200);
        assertThat(paid.text()).contains("Payment accepted");
        return page;
    }

    /**
     * Where the form whose button reads {@code button} sends the browser, resolved against the page's address as a
     * browser would (the page is read with an HTML parser).
     */
    static String formAction(String page, String pageUrl, String button) {
        Document document = Jsoup.parse(page, pageUrl);
        Element form = document.select("form").stream()
                .filter(candidate -> candidate.select("button").stream().anyMatch(b -> b.text().equals(button)))
                .findFirst().orElseThrow(() -> new AssertionError("no form with a " + button + " button on " + page));
        assertThat(form.attr("method")).as("the local page's forms are plain links").isEqualToIgnoringCase("get");
        return form.absUrl("action");
    }

    /** Waits until the buyer's {@code GET /enrollments} lists the course. */
    static void awaitEnrolled(PlatformUsers.Session buyer, UUID courseId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(buyer.client().get("/enrollments?size=100").assertStatus(200).items("courseId"))
                        .contains(courseId.toString()));
    }
}
