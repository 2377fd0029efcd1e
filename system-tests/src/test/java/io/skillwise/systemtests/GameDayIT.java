package io.skillwise.systemtests;

import static org.awaitility.Awaitility.await;

import io.skillwise.devstack.DevStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #19's game day, automated: a stream of purchases through the gateway (signed webhooks from "Stripe", the
 * local payment provider, clients retrying as real ones do) while, one after the other, Kafka is stopped and
 * started again, payment-service is killed (SIGKILL) and restarted, PostgreSQL is down for half a minute,
 * promotion-service is down during checkouts (every fourth checkout uses a coupon, which only promotion-service can
 * price) and the gateway is restarted under load. Webhooks arrive three times and out of order throughout, and every
 * fifth purchase is refunded ({@link PurchaseStream}). Afterwards nothing paid is lost or doubled
 * ({@link PlatformLedgers}); the test prints the counts.
 * <p>
 * The stream is cut into one slice per failure plus a first one without: each failure starts once its slice is
 * under way, lasts its time, and the next begins when every purchase of the slice is finished. Size and outages:
 * {@code -Dskillwise.gameday.purchases} (default 40; the full run is 500),
 * {@code -Dskillwise.gameday.kafka-outage-seconds} (10), {@code -Dskillwise.gameday.postgres-outage-seconds} (30).
 */
class GameDayIT {

    private static final int PURCHASES = Integer.getInteger("skillwise.gameday.purchases", 40);
    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(
            Integer.getInteger("skillwise.gameday.kafka-outage-seconds", 10));
    private static final Duration POSTGRES_OUTAGE = Duration.ofSeconds(
            Integer.getInteger("skillwise.gameday.postgres-outage-seconds", 30));
    private static final Duration PROMOTION_OUTAGE = Duration.ofSeconds(10);
    private static final int CLIENTS = 4;

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void nothingPaidIsLostOrDoubledWhileKafkaPaymentPostgresPromotionAndTheGatewayFail() throws Exception {
        long begin = System.nanoTime();
        PurchaseStream stream = PurchaseStream.prepare(platform, PURCHASES, List.of(platform.gatewayUrl()));
        PlatformLedgers ledgers = PlatformLedgers.from(platform);
        List<Failure> failures = List.of(
                new Failure("Kafka stopped and started again", "kafka", KAFKA_OUTAGE, false),
                new Failure("payment-service killed and restarted", "payment", Duration.ZERO, true),
                new Failure("PostgreSQL down", "postgres", POSTGRES_OUTAGE, false),
                new Failure("promotion-service down during checkouts", "promotion", PROMOTION_OUTAGE, false),
                new Failure("gateway restarted under load", "gateway", Duration.ZERO, false));
        List<List<PurchaseStream.Purchase>> slices = stream.slices(failures.size() + 1);
        List<String> timeline = new ArrayList<>();

        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            PurchaseStream.finish(stream.start(slices.getFirst(), clients));
            for (int i = 0; i < failures.size(); i++) {
                Failure failure = failures.get(i);
                int before = stream.finished();
                CompletableFuture<Void> slice = stream.start(slices.get(i + 1), clients);
                // the failure hits a stream that is flowing: at least one purchase of the slice got through
                await().atMost(PurchaseStream.CLIENT_PATIENCE).until(() -> stream.finished() > before || slice.isDone());
                long down = System.nanoTime();
                try {
                    failure.cause(platform);
                    failure.lastItsTime();
                } finally {
                    // whatever happened, the platform is whole again for what follows (and the test classes after)
                    platform.start(failure.component());
                }
                timeline.add("%s: %.1f s, %d purchases during it".formatted(failure.name(),
                        (System.nanoTime() - down) / 1e9, slices.get(i + 1).size()));
                PurchaseStream.finish(slice);
            }
        }

        String counts = ledgers.check(stream);
        System.out.printf("[game day] %s%n[game day] %s%n[game day] %s%n[game day] took %.0f s%n",
                String.join("; ", timeline), stream.summary(), counts, (System.nanoTime() - begin) / 1e9);
    }

    /** One component taken away for a while: stopped gracefully, or killed as a crash would. */
    private record Failure(String name, String component, Duration outage, boolean crash) {

        void cause(DevStack platform) {
            if (crash) {
                platform.kill(component);
            } else {
                platform.stop(component);
            }
        }

        /** The outage lasts its time whatever the stream does meanwhile (clients keep retrying). */
        void lastItsTime() {
            if (!outage.isZero()) {
                await().pollDelay(outage).atMost(outage.plusSeconds(5)).until(() -> true);
            }
        }
    }
}
