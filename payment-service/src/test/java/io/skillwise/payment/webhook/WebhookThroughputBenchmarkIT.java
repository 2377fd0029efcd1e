package io.skillwise.payment.webhook;

import static io.skillwise.payment.support.StripeWebhooks.completedSession;
import static io.skillwise.payment.support.StripeWebhooks.event;
import static io.skillwise.payment.support.StripeWebhooks.newEventId;
import static io.skillwise.payment.support.StripeWebhooks.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderService;
import io.skillwise.payment.support.StripeWebhooks;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.BenchmarkReport;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.Percentiles;
import io.skillwise.testsupport.WithInfrastructure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 1,000 signed {@code checkout.session.completed} webhooks one after the other, then 1,000 deliveries from 16
 * concurrent clients where every event arrives twice (Stripe's retries), shuffled. Each applied completion pays an
 * order, issues an invoice, writes a ledger entry and a {@code CoursePurchased} to the outbox in one transaction.
 * Asserts that nothing was applied twice (counted in the database) and records throughput and latency in
 * docs/benchmarks.md. Run on purpose only:
 * {@code ./mvnw -pl payment-service verify -Dit.test=WebhookThroughputBenchmarkIT -Dskillwise.benchmark=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
@EnabledIfSystemProperty(named = "skillwise.benchmark", matches = "true")
class WebhookThroughputBenchmarkIT {

    static final int SEQUENTIAL = 1_000;
    static final int CONCURRENT_EVENTS = 500;
    static final int CLIENTS = 16;
    static final int WARM_UP = 50;

    @LocalServerPort
    int port;

    @Autowired
    OrderService orders;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    record Run(String name, int deliveries, int applied, int duplicates, double seconds, double p50, double p99,
               double max) {

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f |", name, deliveries,
                    applied, duplicates, deliveries / seconds, p50, p99, max);
        }
    }

    @Test
    void thousandsOfSignedWebhooksApplyEachEventExactlyOnce() throws Exception {
        ApiClient api = ApiClient.root(port);
        List<UUID> warmUp = newOrders(WARM_UP);
        List<UUID> sequentialOrders = newOrders(SEQUENTIAL);
        List<UUID> concurrentOrders = newOrders(CONCURRENT_EVENTS);
        for (UUID orderId : warmUp) {
            api.post(StripeWebhooks.PATH, completion(orderId));   // unsigned: refused, warms the path up to the check
            String payload = completion(orderId);
            api.withHeader("Stripe-Signature", sign(payload)).post(StripeWebhooks.PATH, payload);
        }

        double loadAverage = BenchmarkReport.loadAverage();
        List<String> sequentialPayloads = sequentialOrders.stream().map(this::completion).toList();
        Run sequential = deliver("sequential, 1 client", sequentialPayloads, 1);

        List<String> concurrentPayloads = new ArrayList<>();
        for (UUID orderId : concurrentOrders) {
            String payload = completion(orderId);
            concurrentPayloads.add(payload);
            concurrentPayloads.add(payload);   // the same event id delivered twice
        }
        Collections.shuffle(concurrentPayloads, new Random(42));
        Run concurrent = deliver(CLIENTS + " concurrent clients, every event twice", concurrentPayloads, CLIENTS);
        System.out.println(sequential.row());
        System.out.println(concurrent.row());

        List<UUID> all = new ArrayList<>(sequentialOrders);
        all.addAll(concurrentOrders);
        int expected = SEQUENTIAL + CONCURRENT_EVENTS;
        assertThat(sequential.applied()).isEqualTo(SEQUENTIAL);
        assertThat(concurrent.applied()).isEqualTo(CONCURRENT_EVENTS);
        assertThat(concurrent.duplicates()).isEqualTo(CONCURRENT_EVENTS);
        assertThat(count("select count(*) from payment_order where id in (:ids) and status = 'PAID'", all))
                .isEqualTo(expected);
        assertThat(count("select count(*) from invoice where order_id in (:ids)", all)).isEqualTo(expected);
        assertThat(count("select count(*) from earning_entry where order_id in (:ids)", all)).isEqualTo(expected);
        assertThat(count("""
                select count(*) from outbox_event where event_key in (select cast(id as text) from payment_order
                where id in (:ids)) and event_type like '%CoursePurchased%'""", all)).isEqualTo(expected);
        assertThat(jdbc.sql("select count(distinct number) = count(*) from invoice").query(Boolean.class).single())
                .as("invoice numbers stay unique under concurrency").isTrue();

        BenchmarkReport.record("stripe-webhooks", "Stripe webhooks (payment-service, WebhookThroughputBenchmarkIT)",
                String.format(Locale.ROOT, """
                        Signed `checkout.session.completed` deliveries (HMAC-SHA256 `Stripe-Signature` as Stripe
                        sends it) POSTed over HTTP/1.1 from the test JVM to payment-service on embedded PostgreSQL 17
                        and the in-JVM Kafka broker. Each applied event, in one transaction: the Stripe event id
                        recorded, the order locked and paid, an invoice numbered, a ledger entry and `CoursePurchased`
                        written to the outbox. %d warm-up deliveries first. The concurrent run delivers each of %d
                        events twice, shuffled, from %d clients: every duplicate must answer `DUPLICATE` and change
                        nothing (checked by counting orders paid, invoices, ledger entries and outbox events).

                        | run | deliveries | applied | duplicates | deliveries/s | p50 ms | p99 ms | max ms |
                        |---|---|---|---|---|---|---|---|
                        %s
                        %s

                        Zero duplicates applied: %d orders paid, %d invoices, %d ledger entries, %d `CoursePurchased`.
                        Run with `./mvnw -pl payment-service verify -Dit.test=WebhookThroughputBenchmarkIT -Dskillwise.benchmark=true`.
                        """, WARM_UP, CONCURRENT_EVENTS, CLIENTS, sequential.row(), concurrent.row(), expected,
                        expected, expected, expected), loadAverage);
    }

    private Run deliver(String name, List<String> payloads, int clients) throws Exception {
        ApiClient api = ApiClient.root(port);
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(payloads);
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> results = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (String payload = queue.poll(); payload != null; payload = queue.poll()) {
                        long t0 = System.nanoTime();
                        ApiResponse response = api.withHeader("Stripe-Signature", sign(payload))
                                .post(StripeWebhooks.PATH, payload);
                        nanos.add(System.nanoTime() - t0);
                        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
                        results.computeIfAbsent(response.text("result"), r -> new AtomicInteger()).incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Run(name, payloads.size(), results.getOrDefault("APPLIED", new AtomicInteger()).get(),
                results.getOrDefault("DUPLICATE", new AtomicInteger()).get(), seconds, percentile(sorted, 50),
                percentile(sorted, 99), sorted.getLast() / 1e6);
    }

    private static double percentile(List<Long> sorted, int p) {
        return Percentiles.nearestRank(sorted, p) / 1e6;
    }

    private String completion(UUID orderId) {
        return event(newEventId(), "checkout.session.completed",
                completedSession(orderId, "pi_bench_" + orderId.toString().replace("-", ""), 1999));
    }

    /** Pending orders written straight to the database: the benchmark measures the webhook, not checkout. */
    private List<UUID> newOrders(int count) {
        List<UUID> ids = new ArrayList<>();
        UUID instructor = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                orders.openIfNew(Order.open(id, UUID.randomUUID(), null, "bench-" + id, "Benchmark course",
                        List.of(Order.Line.of(UUID.randomUUID(), instructor, "Benchmark course", 1999, 0)), null,
                        "USD", null, null, null, null, "local", Instant.now()));
                ids.add(id);
            }
        });
        return ids;
    }

    private long count(String sql, List<UUID> ids) {
        return jdbc.sql(sql).param("ids", ids).query(Long.class).single();
    }
}
