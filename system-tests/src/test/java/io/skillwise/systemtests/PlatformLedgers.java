package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.PlatformService;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * What every service's books must say after a {@link PurchaseStream}, however the platform failed meanwhile: each
 * order paid or refunded as the webhooks said, exactly one enrollment per paid order (revoked when refunded),
 * payment's earnings ledger and analytics' copy of it equal row for row and to the cent, a receipt per purchase and a
 * refund notice per refund, no outbox row left unsent, and no new dead letter. Each check waits
 * ({@code untilAsserted}) for the events still on their way; {@link #check} answers the counts it found.
 */
final class PlatformLedgers {

    private static final Duration SETTLE = Duration.ofMinutes(4);
    private static final int PAGE = 100;

    private final DevStack platform;
    private final Map<TopicPartition, Long> deadLettersBefore;

    private PlatformLedgers(DevStack platform, Map<TopicPartition, Long> deadLettersBefore) {
        this.platform = platform;
        this.deadLettersBefore = deadLettersBefore;
    }

    /** Notes where every dead-letter topic ends now: dead letters after this point are the run's. */
    static PlatformLedgers from(DevStack platform) {
        return new PlatformLedgers(platform, deadLetterEnds(platform));
    }

    /** Checks everything; answers the counts, one line, for the test's printout. */
    String check(PurchaseStream stream) {
        List<PurchaseStream.Order> orders = stream.orders();
        assertThat(orders).as("every planned purchase was finished by its client").hasSize(stream.planned().size());
        long refunds = orders.stream().filter(o -> o.purchase().refunded()).count();

        ordersAreSettled(orders);
        Map<String, Long> enrollments = oneEnrollmentPerPaidOrder(stream, orders);
        List<String> ledger = ledgerMatchesThePurchases(stream, orders);
        analyticsHasTheLedger(stream, ledger);
        Map<String, Long> notices = aNoticePerPurchaseAndRefund(orders);
        Map<String, Long> pending = noOutboxRowUnsent();
        List<String> deadLetters = newDeadLetters();
        assertThat(deadLetters).as("dead letters since the run began").isEmpty();

        return "orders %d (refunded %d); enrollments %s; ledger rows %d = analytics rows; notifications %s; "
                .formatted(orders.size(), refunds, enrollments, ledger.size(), notices)
                + "unsent outbox rows %s; new dead letters %d".formatted(pending, deadLetters.size());
    }

    private void ordersAreSettled(List<PurchaseStream.Order> orders) {
        Map<PlatformUsers.Session, List<PurchaseStream.Order>> byBuyer = orders.stream()
                .collect(Collectors.groupingBy(o -> o.purchase().buyer()));
        byBuyer.forEach((buyer, own) -> await("payment history of " + buyer.email()).atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Map<String, String> status = new HashMap<>();
                    for (JsonNode order : all(buyer.client(), "/payments/history")) {
                        status.put(order.path("orderId").asString(), order.path("status").asString());
                    }
                    for (PurchaseStream.Order order : own) {
                        assertThat(status.get(order.orderId().toString())).as("order " + order.orderId())
                                .isEqualTo(order.purchase().refunded() ? "REFUNDED" : "PAID");
                    }
                }));
    }

    private Map<String, Long> oneEnrollmentPerPaidOrder(PurchaseStream stream, List<PurchaseStream.Order> orders) {
        ApiClient admin = PlatformUsers.admin(platform).client();
        Map<String, Long> statuses = new TreeMap<>();
        for (UUID course : stream.prices().keySet()) {
            List<PurchaseStream.Order> sold = orders.stream().filter(o -> o.purchase().courseId().equals(course))
                    .toList();
            await("enrollments in course " + course).atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        List<JsonNode> enrollments = all(admin, "/admin/enrollments?courseId=" + course);
                        Map<String, List<JsonNode>> byStudent = enrollments.stream()
                                .collect(Collectors.groupingBy(e -> e.path("studentId").asString()));
                        assertThat(byStudent.keySet()).as("the buyers of course " + course)
                                .containsExactlyInAnyOrderElementsOf(sold.stream()
                                        .map(o -> o.purchase().buyer().id().toString()).toList());
                        for (PurchaseStream.Order order : sold) {
                            List<JsonNode> own = byStudent.get(order.purchase().buyer().id().toString());
                            assertThat(own).as("enrollments of order " + order.orderId()).hasSize(1);
                            assertThat(own.getFirst().path("orderId").asString()).isEqualTo(order.orderId().toString());
                            assertThat(own.getFirst().path("status").asString())
                                    .isEqualTo(order.purchase().refunded() ? "REVOKED" : "ACTIVE");
                        }
                    });
            for (JsonNode enrollment : all(admin, "/admin/enrollments?courseId=" + course)) {
                statuses.merge(enrollment.path("status").asString(), 1L, Long::sum);
            }
        }
        return statuses;
    }

    /** payment's ledger: a sale per order and a refund per refunded order, each once; the totals to the cent. */
    private List<String> ledgerMatchesThePurchases(PurchaseStream stream, List<PurchaseStream.Order> orders) {
        long refunds = orders.stream().filter(o -> o.purchase().refunded()).count();
        long kept = orders.stream().filter(o -> !o.purchase().refunded()).mapToLong(o -> o.purchase().price()).sum();
        AtomicReference<List<String>> rows = new AtomicReference<>(List.of());
        await("payment's earnings ledger").atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode ledger = stream.instructor().client().get("/instructors/earnings").assertStatus(200).body();
            List<String> entries = new ArrayList<>();
            Map<String, Long> perOrder = new HashMap<>();
            for (JsonNode item : ledger.path("items")) {
                entries.add(row(item.path("kind").asString(), item.path("orderId").asString(),
                        item.path("courseId").asString(), item.path("grossAmount").asLong(),
                        item.path("feeAmount").asLong(), item.path("netAmount").asLong()));
                perOrder.merge(item.path("kind").asString() + " " + item.path("orderId").asString(), 1L, Long::sum);
            }
            assertThat(entries).as("a sale per order and a refund per refunded order")
                    .hasSize((int) (orders.size() + refunds));
            assertThat(perOrder.values()).as("no ledger entry twice").allMatch(count -> count == 1);
            assertThat(ledger.path("totals").get(0).path("gross").asLong()).as("gross after refunds, to the cent")
                    .isEqualTo(kept);
            rows.set(List.copyOf(entries));
        });
        return rows.get();
    }

    /** analytics' transaction history is payment's ledger, row for row. */
    private void analyticsHasTheLedger(PurchaseStream stream, List<String> ledger) {
        ApiClient instructor = stream.instructor().client();
        await("analytics' transactions").atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> rows = new ArrayList<>();
            for (JsonNode item : all(instructor, "/instructors/reports/transactions")) {
                rows.add(row(item.path("kind").asString(), item.path("orderId").asString(),
                        item.path("courseId").asString(), item.path("gross").asLong(),
                        item.path("platformFee").asLong(), item.path("net").asLong()));
            }
            assertThat(rows).as("analytics' ledger is payment's").containsExactlyInAnyOrderElementsOf(ledger);
        });
    }

    /** notification-service: one receipt per purchase and one refund notice per refund, to the buyer. */
    private Map<String, Long> aNoticePerPurchaseAndRefund(List<PurchaseStream.Order> orders) {
        Map<String, Long> total = new TreeMap<>();
        Map<PlatformUsers.Session, List<PurchaseStream.Order>> byBuyer = orders.stream()
                .collect(Collectors.groupingBy(o -> o.purchase().buyer()));
        byBuyer.forEach((buyer, own) -> {
            long refunds = own.stream().filter(o -> o.purchase().refunded()).count();
            await("notifications of " + buyer.email()).atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        Map<String, Long> kinds = all(buyer.client(), "/notifications").stream()
                                .collect(Collectors.groupingBy(n -> n.path("kind").asString(), Collectors.counting()));
                        assertThat(kinds.getOrDefault("PURCHASE_RECEIPT", 0L)).isEqualTo(own.size());
                        assertThat(kinds.getOrDefault("PAYMENT_REFUNDED", 0L)).isEqualTo(refunds);
                    });
            total.merge("PURCHASE_RECEIPT", (long) own.size(), Long::sum);
            total.merge("PAYMENT_REFUNDED", refunds, Long::sum);
        });
        return total;
    }

    /** Every PostgreSQL service's outbox is drained: no row without {@code published_at}. */
    private Map<String, Long> noOutboxRowUnsent() {
        Map<String, Long> pending = new TreeMap<>();
        for (PlatformService service : PlatformService.values()) {
            if (service.store() != PlatformService.Store.POSTGRES) {
                continue;
            }
            await("outbox of " + service.shortName()).atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(unsent(service)).as("unsent outbox rows of " + service.shortName())
                            .isZero());
            pending.put(service.shortName(), unsent(service));
        }
        return pending;
    }

    private long unsent(PlatformService service) {
        try (Connection connection = platform.postgres().connect(service.shortName());
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from outbox_event where published_at is null")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("could not read the outbox of " + service.shortName(), e);
        }
    }

    /** The dead letters published since {@link #from}, each with the consumer group and the error that sent it. */
    private List<String> newDeadLetters() {
        Map<TopicPartition, Long> now = deadLetterEnds(platform);
        List<String> letters = new ArrayList<>();
        Map<TopicPartition, Long> from = new HashMap<>();
        now.forEach((partition, end) -> {
            long start = deadLettersBefore.getOrDefault(partition, 0L);
            if (end > start) {
                from.put(partition, start);
            }
        });
        if (from.isEmpty()) {
            return letters;
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long wanted = from.entrySet().stream().mapToLong(e -> now.get(e.getKey()) - e.getValue()).sum();
            await("dead letters").atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> letter : consumer.poll(Duration.ofMillis(500))) {
                    letters.add(letter.topic() + " " + headers(letter) + " " + letter.value());
                }
                return letters.size() >= wanted;
            });
        }
        letters.forEach(letter -> System.out.println("[game day] dead letter: " + letter));
        return letters;
    }

    private static String headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new TreeMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith("kafka_dlt") || header.key().startsWith("ce_")) {
                headers.put(header.key(), new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return headers.toString();
    }

    private static Map<TopicPartition, Long> deadLetterEnds(DevStack platform) {
        try (Admin admin = platform.kafka().admin()) {
            List<String> topics = admin.listTopics().names().get().stream().filter(t -> t.endsWith(".dlt")).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                            OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the dead-letter topics", e);
        }
    }

    /** Every item of a paged list ({@code page}, {@code size} and {@code totalPages}, as the API pages). */
    private static List<JsonNode> all(ApiClient client, String path) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            ApiResponse response = client.get(path + separator + "page=" + page + "&size=" + PAGE).assertStatus(200);
            items.addAll(response.items());
            if (page + 1 >= response.body().path("totalPages").asInt(1)) {
                return items;
            }
        }
    }

    private static String row(String kind, String orderId, String courseId, long gross, long fee, long net) {
        return kind + " order " + orderId + " course " + courseId + ": " + gross + " = fee " + fee + " + net " + net;
    }
}
