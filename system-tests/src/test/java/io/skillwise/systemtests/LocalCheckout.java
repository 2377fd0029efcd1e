package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a buyer's browser does with payment-service's local provider, and what the buyer sees next: open the
 * {@code checkoutUrl} without a token (as after a redirect to Stripe), press Pay, and find the course among their
 * enrollments once {@code CoursePurchased} has travelled.
 */
final class LocalCheckout {

    private static final Pattern PAY_FORM = Pattern.compile("action=\"([^\"]+/pay)\"");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private LocalCheckout() {
    }

    /** Opens the checkout page and presses Pay; returns the page as the buyer saw it before paying. */
    static String pay(String checkoutUrl) {
        HttpResponse<String> page = Http.get(checkoutUrl, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher pay = PAY_FORM.matcher(page.body());
        assertThat(pay.find()).as("a Pay button on " + page.body()).isTrue();
        HttpResponse<String> paid = Http.get(URI.create(checkoutUrl).resolve(pay.group(1)).toString(), null);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(paid.body()).contains("Payment accepted");
        return page.body();
    }

    /** Waits until the buyer's {@code GET /enrollments} lists the course. */
    static void awaitEnrolled(String api, PlatformUsers.Session buyer, UUID courseId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> enrollments = Http.get(api + "/enrollments?size=100", buyer.token());
            assertThat(enrollments.statusCode()).as(enrollments.body()).isEqualTo(200);
            assertThat(Http.json(enrollments).path("items").findValuesAsString("courseId"))
                    .contains(courseId.toString());
        });
    }
}
