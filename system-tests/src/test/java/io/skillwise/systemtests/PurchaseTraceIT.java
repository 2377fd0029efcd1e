package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.Topics;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.testsupport.OtlpReceiver;
import io.skillwise.testsupport.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One purchase through the gateway, followed in the spans every process exports to the OTLP receiver the platform
 * runs with ({@link RunningPlatform#traces()}): the checkout request is one trace from the gateway into
 * payment-service; the signed webhook that pays the order is one trace from the gateway through payment-service, its
 * outbox and Kafka into enrollment-service and notification-service, which both consume {@code CoursePurchased},
 * and on through enrollment-service's own outbox ({@code StudentEnrolled}) into notification-service again. Each request carries a sampled
 * {@code traceparent}, so it is traced whatever the gateway's ratio (it keeps a caller's decision): sampling 1.0 for
 * this test only.
 */
class PurchaseTraceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PURCHASED = EventCatalog.of(CoursePurchased.class).type();
    private static final String ENROLLED = EventCatalog.of(StudentEnrolled.class).type();

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void thePaidWebhookIsOneTraceFromTheGatewayThroughKafkaToEnrollmentAndNotification() {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        UUID courseId = PublishedCourses.paid(platform, instructor, PublishedCourses.category(platform),
                "Traced purchase course", 2900);
        PlatformUsers.Session buyer = PlatformUsers.verifiedStudent(platform);
        Trace checkout = Trace.started();
        UUID orderId = UUID.fromString(LocalCheckout.create(buyer, courseId,
                client -> client.withHeader("traceparent", checkout.traceparent())).path("orderId").asString());

        Trace payment = Trace.started();
        String result = SignedWebhooks.deliver(PlatformUsers.api(platform).withHeader("traceparent", payment.traceparent()),
                SignedWebhooks.checkoutCompleted(orderId, 2900, "USD")).assertStatus(200).text("result");
        assertThat(result).isEqualTo("APPLIED");
        LocalCheckout.awaitEnrolled(buyer, courseId);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<ReceivedSpan> spans = payment.spans();
            ReceivedSpan gateway = only(spans, server("gateway"), "the gateway's span of the webhook");
            assertThat(gateway.parentSpanId()).as("the caller's span is the gateway span's parent")
                    .isEqualTo(payment.callerSpanId());
            ReceivedSpan webhook = only(spans, server("payment-service"), "payment-service's span of the webhook");
            assertThat(webhook.attributes()).as("its route").containsValue("/api/v1/payments/webhook");
            assertDescends(spans, webhook, gateway);
            assertThat(parentOf(spans, webhook)).map(ReceivedSpan::service)
                    .as("payment-service is called by the gateway").contains("gateway");

            ReceivedSpan published = only(spans, publishOf("payment-service", PURCHASED), "CoursePurchased sent");
            assertThat(published.attributes()).containsEntry("messaging.destination.name", Topics.PAYMENT_ORDER);
            assertDescends(spans, published, webhook);

            ReceivedSpan enrolling = only(spans, consumer("enrollment-service", Topics.PAYMENT_ORDER),
                    "enrollment-service receives it");
            assertThat(enrolling.isChildOf(published)).as(enrolling + " continues " + published).isTrue();
            ReceivedSpan enrolled = only(spans, publishOf("enrollment-service", ENROLLED), "StudentEnrolled sent");
            assertDescends(spans, enrolled, enrolling);

            // notification-service reads each topic in more than one listener (receipts, reminders, replicas)
            assertThat(spans.stream().filter(consumer("notification-service", Topics.PAYMENT_ORDER)).toList())
                    .as("notification-service receives CoursePurchased").isNotEmpty()
                    .allSatisfy(notifying -> assertThat(notifying.isChildOf(published))
                            .as(notifying + " continues " + published).isTrue());
            assertThat(spans.stream().filter(consumer("notification-service", Topics.ENROLLMENT_ENROLLMENT)).toList())
                    .as("notification-service receives StudentEnrolled").isNotEmpty()
                    .allSatisfy(notifying -> assertThat(notifying.isChildOf(enrolled))
                            .as(notifying + " continues " + enrolled).isTrue());
        });

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            // tried again until payment-service knows the new course's price: every try is a request of this trace
            List<ReceivedSpan> spans = checkout.spans();
            List<ReceivedSpan> gateway = spans.stream().filter(server("gateway")).toList();
            assertThat(gateway).as("the gateway's spans of the checkout").isNotEmpty()
                    .allSatisfy(span -> assertThat(span.parentSpanId()).isEqualTo(checkout.callerSpanId()));
            List<ReceivedSpan> creates = spans.stream().filter(server("payment-service")).toList();
            assertThat(creates).as("payment-service's spans of the checkout").hasSameSizeAs(gateway)
                    .allSatisfy(create -> {
                        assertThat(create.attributes()).as("its route").containsValue("/api/v1/payments/create");
                        assertDescendsFromAny(spans, create, gateway);
                    });
        });
    }

    /** A trace this test starts: a random trace id and caller span, sampled, and watched at the receiver. */
    private record Trace(String traceId, String callerSpanId) {

        static Trace started() {
            HexFormat hex = HexFormat.of();
            Trace trace = new Trace(hex.formatHex(randomBytes(16)), hex.formatHex(randomBytes(8)));
            RunningPlatform.traces().watch(trace.traceId());
            return trace;
        }

        String traceparent() {
            return "00-" + traceId + "-" + callerSpanId + "-01";
        }

        List<ReceivedSpan> spans() {
            return RunningPlatform.traces().spansOf(traceId);
        }

        private static byte[] randomBytes(int length) {
            byte[] bytes = new byte[length];
            ThreadLocalRandom.current().nextBytes(bytes);
            return bytes;
        }
    }

    private static Predicate<ReceivedSpan> server(String service) {
        return span -> span.service().equals(service) && span.kind().equals("SERVER");
    }

    /** Spring Kafka names a listener's span after the topic: {@code <topic> process}. */
    private static Predicate<ReceivedSpan> consumer(String service, String topic) {
        return span -> span.service().equals(service) && span.kind().equals("CONSUMER")
                && span.name().equals(topic + " process");
    }

    private static Predicate<ReceivedSpan> publishOf(String service, String eventType) {
        return span -> span.service().equals(service) && span.kind().equals("PRODUCER")
                && eventType.equals(span.attributes().get("cloudevents.event_type"));
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, Predicate<ReceivedSpan> wanted, String what) {
        List<ReceivedSpan> found = spans.stream().filter(wanted).toList();
        assertThat(found).as(what + " among " + spans).hasSize(1);
        return found.getFirst();
    }

    private static Optional<ReceivedSpan> parentOf(List<ReceivedSpan> spans, ReceivedSpan span) {
        return spans.stream().filter(span::isChildOf).findFirst();
    }

    /** The span's chain of parents, all received in this trace, leads to {@code ancestor}. */
    private static void assertDescends(List<ReceivedSpan> spans, ReceivedSpan span, ReceivedSpan ancestor) {
        assertDescendsFromAny(spans, span, List.of(ancestor));
    }

    private static void assertDescendsFromAny(List<ReceivedSpan> spans, ReceivedSpan span, List<ReceivedSpan> ancestors) {
        ReceivedSpan current = span;
        while (ancestors.stream().noneMatch(current::isChildOf)) {
            Optional<ReceivedSpan> parent = parentOf(spans, current);
            assertThat(parent).as(span + " descends from one of " + ancestors + ": the parent of " + current
                    + " in " + spans).isPresent();
            current = parent.get();
        }
    }
}
