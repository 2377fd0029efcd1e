package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static io.skillwise.testsupport.Eventually.eventually;
import static org.awaitility.Awaitility.await;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A stream of purchases through the gateway by clients that behave like real ones while the platform fails under
 * them: the buyer's app retries its checkout with the same {@code Idempotency-Key} until it gets its order, and
 * "Stripe" retries each signed webhook delivery until it gets a 200. Some deliveries are repeated on purpose (three
 * times: Stripe's at-least-once), and some refunds arrive before the payment they undo (Stripe's lack of order).
 * <p>
 * One instructor sells {@code ceil(sqrt(purchases))} courses at awkward prices; each buyer buys each course at most
 * once, so "exactly one enrollment per paid order" can be checked per buyer and course. Every fourth purchase uses
 * the instructor's coupon ({@value #COUPON_PERCENT} % off), so its checkout is priced by promotion-service; every
 * fifth is refunded in full; every tenth has its refund delivered first; every third has its payment delivered three
 * times, the repeats after its refund. What the clients saw is kept for {@link PlatformLedgers} to check.
 */
final class PurchaseStream {

    /** How long a client keeps retrying one call: longer than any outage (with restart) on a loaded 2-core machine. */
    static final Duration CLIENT_PATIENCE = Duration.ofMinutes(10);
    /** How long promotion-service may take to learn the courses from catalog's events. */
    private static final Duration CATALOG_TO_PROMOTION = Duration.ofMinutes(2);
    private static final Set<Integer> RETRIED_STATUSES = Set.of(401, 404, 408, 429, 500, 502, 503, 504);
    static final int COUPON_PERCENT = 15;

    /**
     * One planned purchase: who buys which course at which list price, with the coupon or without ({@code null}), and
     * what happens to its payment.
     */
    record Purchase(int index, PlatformUsers.Session buyer, UUID courseId, long price, String couponCode) {

        /** What the buyer pays: the list price, less the coupon's percentage rounded down to the cent. */
        long paid() {
            return couponCode == null ? price : price - price * COUPON_PERCENT / 100;
        }

        boolean refunded() {
            return index % 5 == 4;
        }

        /** The refund is delivered before the payment it refunds (PARKED, then applied with it). */
        boolean refundDeliveredFirst() {
            return index % 10 == 9;
        }

        boolean paymentDeliveredThrice() {
            return index % 3 == 0;
        }
    }

    /** A purchase the client finished: its order exists and every webhook for it was taken (200). */
    record Order(Purchase purchase, UUID orderId) {
    }

    private final List<ApiClient> gateways;
    private final PlatformUsers.Session instructor;
    private final Map<UUID, Long> prices;
    private final UUID couponId;
    private final List<Purchase> planned;
    private final ConcurrentLinkedQueue<Order> orders = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> retried = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger duplicateDeliveries = new AtomicInteger();
    private final AtomicInteger outOfOrderDeliveries = new AtomicInteger();
    private final AtomicInteger nextGateway = new AtomicInteger();

    private PurchaseStream(List<ApiClient> gateways, PlatformUsers.Session instructor, Map<UUID, Long> prices,
                           UUID couponId, List<Purchase> planned) {
        this.gateways = gateways;
        this.instructor = instructor;
        this.prices = prices;
        this.couponId = couponId;
        this.planned = planned;
    }

    /**
     * Puts the courses on sale and signs the buyers up (before any failure); {@code webhookGateways} are where
     * "Stripe" delivers, in turn (one, or each gateway instance, as a load balancer in front of them would).
     */
    static PurchaseStream prepare(DevStack platform, int purchases, List<String> webhookGateways) {
        int courseCount = (int) Math.ceil(Math.sqrt(purchases));
        int buyerCount = (purchases + courseCount - 1) / courseCount;
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        String category = PublishedCourses.category(platform);
        Map<UUID, Long> prices = new java.util.LinkedHashMap<>();
        for (int c = 0; c < courseCount; c++) {
            long price = 1999 + 337L * c;
            prices.put(PublishedCourses.paid(platform, instructor, category, "Game day course " + c, price), price);
        }
        List<UUID> courses = List.copyOf(prices.keySet());
        String couponCode = "GAMEDAY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        UUID couponId = coupon(instructor, couponCode, courses);
        List<PlatformUsers.Session> buyers = new ArrayList<>();
        for (int b = 0; b < buyerCount; b++) {
            buyers.add(PlatformUsers.verifiedStudent(platform));
        }
        List<Purchase> planned = new ArrayList<>();
        for (int i = 0; i < purchases; i++) {
            // buyer-major order spreads each buyer's purchases over the whole stream
            UUID course = courses.get(i / buyerCount);
            planned.add(new Purchase(i, buyers.get(i % buyerCount), course, prices.get(course),
                    i % 4 == 2 ? couponCode : null));
        }
        List<ApiClient> gateways = webhookGateways.stream().map(url -> ApiClient.at(url + "/api/v1")).toList();
        return new PurchaseStream(gateways, instructor, Map.copyOf(prices), couponId, List.copyOf(planned));
    }

    /** The instructor's coupon for every course of the stream, made once promotion-service knows them all. */
    private static UUID coupon(PlatformUsers.Session instructor, String code, List<UUID> courses) {
        ApiResponse created = eventually(CATALOG_TO_PROMOTION, () -> instructor.client().post("/promotions/coupons",
                        Map.of("code", code, "kind", "PERCENT", "percentOff", COUPON_PERCENT, "scope", "COURSES",
                                "courseIds", courses)),
                response -> assertThat(response.status()).as("promotion-service knows every course: " + response)
                        .isNotIn(400, 404, 422));
        return UUID.fromString(created.assertStatus(201).id());
    }

    List<Purchase> planned() {
        return planned;
    }

    /** The planned purchases split into {@code parts} consecutive slices of (nearly) equal size. */
    List<List<Purchase>> slices(int parts) {
        List<List<Purchase>> slices = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            slices.add(planned.subList(p * planned.size() / parts, (p + 1) * planned.size() / parts));
        }
        return slices;
    }

    PlatformUsers.Session instructor() {
        return instructor;
    }

    Map<UUID, Long> prices() {
        return prices;
    }

    /** The instructor's coupon, which every fourth purchase uses. */
    UUID couponId() {
        return couponId;
    }

    List<Order> orders() {
        return List.copyOf(orders);
    }

    /** Starts the purchases on {@code clients} (each purchase one client's sequence of calls); completes with them. */
    CompletableFuture<Void> start(List<Purchase> purchases, ExecutorService clients) {
        return CompletableFuture.allOf(purchases.stream()
                .map(purchase -> CompletableFuture.runAsync(() -> orders.add(buy(purchase)), clients))
                .toArray(CompletableFuture[]::new));
    }

    /** Waits until every purchase of a started slice is finished; rethrows what failed in one of them. */
    static void finish(CompletableFuture<Void> slice) {
        await().atMost(CLIENT_PATIENCE.multipliedBy(3)).until(slice::isDone);
        slice.join();
    }

    /** How many purchases the clients finished so far. */
    int finished() {
        return orders.size();
    }

    private Order buy(Purchase purchase) {
        String key = UUID.randomUUID().toString();
        Map<String, Object> checkout = purchase.couponCode() == null ? Map.of("courseId", purchase.courseId())
                : Map.of("courseId", purchase.courseId(), "couponCode", purchase.couponCode());
        ApiResponse created = patiently(purchase.couponCode() == null ? "checkout" : "checkout with coupon",
                () -> purchase.buyer().client().withHeader("Idempotency-Key", key).post("/payments/create", checkout),
                201);
        UUID orderId = UUID.fromString(created.text("orderId"));
        assertThat(created.body().path("amount").path("amount").asLong()).as("the price of the checkout")
                .isEqualTo(purchase.paid());

        // each payload is built once: a redelivery is the same event (same Stripe event id), signed anew
        String paid = SignedWebhooks.checkoutCompleted(orderId, purchase.paid(), "USD");
        String refunded = SignedWebhooks.chargeRefunded(orderId, purchase.paid(), purchase.paid());
        if (purchase.refunded() && purchase.refundDeliveredFirst()) {
            deliver(refunded);
            outOfOrderDeliveries.incrementAndGet();
            deliver(paid);
        } else {
            deliver(paid);
            if (purchase.refunded()) {
                deliver(refunded);
            }
        }
        if (purchase.paymentDeliveredThrice()) {
            // Stripe's redeliveries of the payment come last, after its refund when there is one
            deliver(paid);
            deliver(paid);
            duplicateDeliveries.addAndGet(2);
        }
        return new Order(purchase, orderId);
    }

    private void deliver(String payload) {
        deliveries.incrementAndGet();
        ApiResponse taken = patiently("webhook", () -> SignedWebhooks.deliver(
                gateways.get(Math.floorMod(nextGateway.getAndIncrement(), gateways.size())), payload), 200);
        assertThat(taken.text("result")).isIn("APPLIED", "DUPLICATE", "PARKED");
    }

    /**
     * One call retried as a client would: on a refused connection, a gateway error, a 5xx, a 401 (a login that
     * could not be renewed during the outage) or a 404 (payment-service has not learnt the course yet), again
     * after half a second, for {@link #CLIENT_PATIENCE}. Any other answer is a failure of the test.
     */
    private ApiResponse patiently(String call, Supplier<ApiResponse> attempt, int expected) {
        AtomicReference<ApiResponse> answer = new AtomicReference<>();
        await(call).atMost(CLIENT_PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    ApiResponse response;
                    try {
                        response = attempt.get();
                    } catch (RuntimeException | AssertionError unreachable) {
                        retried.computeIfAbsent(call + " unreachable", k -> new AtomicInteger()).incrementAndGet();
                        return false;
                    }
                    if (response.status() == expected) {
                        answer.set(response);
                        return true;
                    }
                    if (!RETRIED_STATUSES.contains(response.status())) {
                        throw new AssertionError(call + " answered " + response);
                    }
                    retried.computeIfAbsent(call + " " + response.status(), k -> new AtomicInteger()).incrementAndGet();
                    return false;
                });
        return answer.get();
    }

    /** What the clients went through, for the test's printout. */
    String summary() {
        return ("%d purchases by %d clients (%d with a coupon), %d webhook deliveries (%d repeated, %d refunds before "
                + "their payment); ").formatted(orders.size(),
                        planned.stream().map(p -> p.buyer().id()).distinct().count(),
                        planned.stream().filter(p -> p.couponCode() != null).count(),
                        deliveries.get(), duplicateDeliveries.get(), outOfOrderDeliveries.get())
                + "calls retried by the clients: " + (retried.isEmpty() ? "none" : new java.util.TreeMap<>(retried));
    }
}
