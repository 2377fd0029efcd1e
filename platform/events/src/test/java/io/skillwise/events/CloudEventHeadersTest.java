package io.skillwise.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.skillwise.events.mother.Orders;
import io.skillwise.events.mother.Reviews;
import io.skillwise.events.mother.Samples;
import io.skillwise.events.payment.CoursePurchased;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    @Test
    void envelopeOfAPurchaseNamesItsTypeSubjectAndTime() {
        CoursePurchased purchase = Orders.bundlePurchased();

        Map<String, String> headers =
                CloudEventHeaders.of(purchase, "7d3c1a9e-5a43-4b8e-9a51-2d9f3c1b0e77", "payment-service");

        assertThat(headers).containsExactly(
                entry("ce_specversion", "1.0"),
                entry("ce_id", "7d3c1a9e-5a43-4b8e-9a51-2d9f3c1b0e77"),
                entry("ce_source", "/skillwise/payment-service"),
                entry("ce_type", "io.skillwise.payment.CoursePurchased.v1"),
                entry("ce_time", "2025-03-01T10:15:30Z"),
                entry("ce_subject", Samples.ORDER.toString()),
                entry("content-type", "application/json"));
    }

    @Test
    void subjectOfAReviewEventIsTheCourse() {
        Map<String, String> headers = CloudEventHeaders.of(Reviews.posted(), "id", "review-service");

        assertThat(headers).containsEntry(CloudEventHeaders.SUBJECT, Samples.COURSE.toString());
    }

    @Test
    void headersCannotBeChangedAfterwards() {
        Map<String, String> headers = CloudEventHeaders.of(Reviews.posted(), "id", "review-service");

        assertThatThrownBy(() -> headers.put(CloudEventHeaders.TYPE, "other"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sourceIsAServiceName() {
        assertThat(CloudEventHeaders.source("catalog-service")).isEqualTo("/skillwise/catalog-service");
        assertThatThrownBy(() -> CloudEventHeaders.source("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudEventHeaders.source("a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
