package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.PlatformService;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import java.nio.charset.StandardCharsets;
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
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * What every service's books must say after a {@link PurchaseStream}, however the platform failed meanwhile: each
 * order paid or refunded as the webhooks said, exactly one enrollment per paid order (revoked when refunded),
 * payment's earnings ledger and analytics' copy of it equal row for row and to the cent, a receipt per purchase and a
 * refund notice per refund, every coupon purchase one redemption, no outbox entry left unsent in any store (PostgreSQL
 * tables and MongoDB documents alike), no new dead letter, and every older one explained (its consumer group and the
 * error that sent it there). Each check waits ({@code untilAsserted}) for the events still on their way;
 * {@link #check} answers the counts it found.
 */
final class PlatformLedgers {

    private static final Duration SETTLE = Duration.ofMinutes(4);
    private static final int PAGE = 100;
    /** The list field in which a MongoDB service's document carries its pending events (the kit's Mongo outbox). */
    private static final String MONGO_OUTBOX = "outbox";

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
        long redemptions = aRedemptionPerCouponPurchase(stream, orders);
        Map<String, Long> pending = noOutboxEntryUnsent();
        String deadLetters = noNewDeadLetterAndEachOldOneExplained();

        return "orders %d (refunded %d); enrollments %s; ledger rows %d = analytics rows; notifications %s; "
                .formatted(orders.size(), refunds, enrollments, ledger.size(), notices)
                + "coupon redemptions %d; unsent outbox entries %s; %s".formatted(redemptions, pending, deadLetters);
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
        long kept = orders.stream().filter(o -> !o.purchase().refunded()).mapToLong(o -> o.purchase().paid()).sum();
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

    /**
     * promotion-service counts one redemption per paid order that used the coupon, however often its payment was
     * delivered, and a refund takes none back (docs/promotions.md).
     */
    private long aRedemptionPerCouponPurchase(PurchaseStream stream, List<PurchaseStream.Order> orders) {
        long withCoupon = orders.stream().filter(o -> o.purchase().couponCode() != null).count();
        await("redemptions of the coupon").atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(stream.instructor().client().get("/promotions/coupons/" + stream.couponId())
                        .assertStatus(200).body().path("redemptions").asLong())
                        .as("one redemption per purchase with the coupon").isEqualTo(withCoupon));
        return withCoupon;
    }

    /**
     * Every service's outbox is drained: no {@code outbox_event} row without {@code published_at} in a PostgreSQL
     * service, no entry left in the {@code outbox} list of any document of a MongoDB service (the kit's in-document
     * outbox, docs/messaging.md). Parked entries count as unsent.
     */
    private Map<String, Long> noOutboxEntryUnsent() {
        Map<String, Long> pending = new TreeMap<>();
        for (PlatformService service : PlatformService.values()) {
            await("outbox of " + service.shortName()).atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(unsent(service)).as("unsent outbox entries of "
                            + service.shortName()).isZero());
            pending.put(service.shortName(), unsent(service));
        }
        return pending;
    }

    private long unsent(PlatformService service) {
        return switch (service.store()) {
            case POSTGRES -> unsentRows(service);
            case MONGO -> unsentEntries(service);
        };
    }

    /** The entries still in the {@code outbox} list of any document of any collection of the service's database. */
    private long unsentEntries(PlatformService service) {
        long entries = 0;
        try (MongoClient client = MongoClients.create(platform.mongo().uri(service.shortName()))) {
            MongoDatabase database = client.getDatabase(service.shortName());
            for (String collection : database.listCollectionNames()) {
                for (Document document : database.getCollection(collection)
                        .find(Filters.exists(MONGO_OUTBOX + ".eventId")).projection(Projections.include(MONGO_OUTBOX))) {
                    entries += document.getList(MONGO_OUTBOX, Document.class, List.of()).size();
                }
            }
        }
        return entries;
    }

    private long unsentRows(PlatformService service) {
        try (Connection connection = platform.postgres().connect(service.shortName());
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from outbox_event where published_at is null")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("could not read the outbox of " + service.shortName(), e);
        }
    }

    /**
     * Reads every dead-letter topic whole. Nothing may have been dead-lettered since {@link #from}: the failures of a
     * game day are transient, retried until they pass. What earlier tests of the JVM dead-lettered on purpose must
     * be explained: each letter names the consumer group that refused it and the error ({@code kafka_dlt-*} headers,
     * what an operator reads before replaying it). Every letter is printed; answers the counts.
     */
    private String noNewDeadLetterAndEachOldOneExplained() {
        Map<TopicPartition, Long> now = deadLetterEnds(platform);
        List<DeadLetter> earlier = new ArrayList<>();
        List<DeadLetter> fresh = new ArrayList<>();
        Map<TopicPartition, Long> held = new HashMap<>();
        now.forEach((partition, end) -> {
            if (end > 0) {
                held.put(partition, end);
            }
        });
        if (!held.isEmpty()) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.assign(held.keySet());
                consumer.seekToBeginning(held.keySet());
                long wanted = held.values().stream().mapToLong(Long::longValue).sum();
                await("dead letters").atMost(Duration.ofSeconds(30)).until(() -> {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        DeadLetter letter = DeadLetter.of(record);
                        long before = deadLettersBefore.getOrDefault(
                                new TopicPartition(record.topic(), record.partition()), 0L);
                        (record.offset() < before ? earlier : fresh).add(letter);
                    }
                    return earlier.size() + fresh.size() >= wanted;
                });
            }
        }
        earlier.forEach(letter -> System.out.println("[game day] dead letter from before the run: " + letter));
        fresh.forEach(letter -> System.out.println("[game day] dead letter of the run: " + letter));
        assertThat(fresh).as("dead letters since the run began").isEmpty();
        assertThat(earlier).as("dead letters from before the run, each naming who refused it and why")
                .allSatisfy(DeadLetter::assertExplained);
        Map<String, Long> perTopic = earlier.stream()
                .collect(Collectors.groupingBy(DeadLetter::topic, TreeMap::new, Collectors.counting()));
        return "new dead letters %d; dead letters from before the run %d, each explained %s"
                .formatted(fresh.size(), earlier.size(), perTopic);
    }

    /** One record of a {@code *.dlt} topic and the {@code kafka_dlt-*} headers that say where it came from and why. */
    private record DeadLetter(String topic, Map<String, String> headers, String value) {

        static DeadLetter of(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new TreeMap<>();
            for (Header header : record.headers()) {
                if (header.key().startsWith("kafka_dlt") || header.key().startsWith("ce_")) {
                    headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
            }
            return new DeadLetter(record.topic(), headers, record.value());
        }

        void assertExplained() {
            assertThat(headers).as("explanation of " + this)
                    .containsKeys("kafka_dlt-original-consumer-group", "kafka_dlt-exception-fqcn",
                            "kafka_dlt-exception-message");
        }
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
