package io.skillwise.enrollment.enrollment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skillwise.enrollment.support.Courses;
import io.skillwise.enrollment.support.EnrollmentApiTest;
import io.skillwise.enrollment.support.Orders;
import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.MonitoringQueries;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code skillwise.purchase.to.enrollment}, the business dashboard's purchase-to-enrollment latency: timed from the
 * purchase's event time, once per purchase however often Kafka delivers it, and exposed on
 * {@code /actuator/prometheus} under every name the business dashboard and alerts read.
 */
class PurchaseToEnrollmentMetricIT extends EnrollmentApiTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    @Autowired
    MeterRegistry registry;

    @Test
    void aPurchaseRecordedAnHourAgoIsTimedAsAnHourOnceAndExposed() {
        Timer timer = registry.get(PurchaseToEnrollmentTimer.NAME).timer();
        long countBefore = timer.count();
        double secondsBefore = timer.totalTime(TimeUnit.SECONDS);
        TestUser buyer = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), false, Courses.lesson("Intro"));
        CoursePurchased purchase = Orders.purchase(buyer.id(), course);
        ProducerRecord<String, String> anHourOld = TopicRecords.withHeader(TopicRecords.cloudEvent(purchase),
                CloudEventHeaders.TIME, Instant.now().minus(AN_HOUR).toString());

        topics.send(List.of(anHourOld, anHourOld));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(buyer).get("/enrollments")
                .assertStatus(200).items("courseId")).containsExactly(course.courseId().toString()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(timer.count()).isGreaterThan(countBefore));
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).untilAsserted(() ->
                assertThat(timer.totalTime(TimeUnit.SECONDS) - secondsBefore)
                        .as("the hour waited, timed once although delivered twice")
                        .isBetween((double) AN_HOUR.toSeconds(), 2.0 * AN_HOUR.toSeconds()));

        Set<String> exposed = MonitoringQueries.exposedNames(ApiClient.root(port)
                .as(TestUser.service("notification-service")).get("/actuator/prometheus").assertStatus(200).text());
        MonitoringQueries.assertBusinessMetricsAreExposed(exposed, "enrollment-service");
    }
}
