package io.skillwise.promotion.quote;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.promotion.support.Orders;
import io.skillwise.promotion.support.PromotionApiTest;
import io.skillwise.promotion.support.Promotions;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.skillwise.promotion.support.Promotions.PATIENCE;
import static io.skillwise.promotion.support.Promotions.amount;
import static io.skillwise.promotion.support.Promotions.code;
import static io.skillwise.promotion.support.Promotions.money;
import static io.skillwise.promotion.support.Promotions.percentCoupon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The quote contract of ADR 0006 and every coupon rule, through the real HTTP API and topics. */
class QuoteIT extends PromotionApiTest {

    // --- contract and access ---------------------------------------------------------------------------------

    @Test
    void quoteWithoutCodesIsTheListPrice() {
        CoursePublished course = promotions.course(instructor.id(), 4999);

        JsonNode quote = promotions.quoteCourse(UUID.randomUUID(), course.courseId(), null, null).body();

        assertThat(quote.path("currency").asString()).isEqualTo("USD");
        assertThat(amount(quote, "price")).isEqualTo(4999);
        assertThat(amount(quote, "discount")).isZero();
        assertThat(amount(quote, "total")).isEqualTo(4999);
        assertThat(quote.path("lines")).hasSize(1);
        assertThat(quote.at("/lines/0/courseId").asString()).isEqualTo(course.courseId().toString());
        assertThat(quote.at("/lines/0/paid/amount").asLong()).isEqualTo(4999);
        assertThat(quote.path("applied")).isEmpty();
        assertThat(quote.path("rejected")).isEmpty();
        assertThat(quote.has("coupon")).isFalse();
    }

    @Test
    void internalQuoteRefusesUserTokensAndAnonymousCalls() {
        CoursePublished course = promotions.course(instructor.id(), 1000);
        Map<String, Object> body = Map.of("buyerId", UUID.randomUUID(), "courseId", course.courseId());

        assertThat(service.as(TestUser.student()).post("/internal/promotions/quote", body).status()).isEqualTo(403);
        assertThat(service.as(TestUser.admin()).post("/internal/promotions/quote", body).status()).isEqualTo(403);
        assertThat(service.as(instructor).post("/internal/promotions/quote", body).status()).isEqualTo(403);
        assertThat(service.post("/internal/promotions/quote", body).status()).isEqualTo(401);
    }

    @Test
    void buyerPreviewPricesForTheCaller() {
        CoursePublished course = promotions.course(instructor.id(), 2000);
        String code = code("PREVIEW");
        promotions.coupon(instructor, percentCoupon(code, 25, course.courseId()));

        ApiResponse preview = api.as(TestUser.student()).post("/promotions/quote",
                Map.of("courseId", course.courseId(), "couponCode", code.toLowerCase()));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(amount(preview.body(), "total")).isEqualTo(1500);
        assertThat(preview.body().at("/coupon/code").asString()).isEqualTo(code);
    }

    @Test
    void malformedAndUnknownRequestsAreProblems() {
        CoursePublished course = promotions.course(instructor.id(), 2000);
        UUID buyer = UUID.randomUUID();

        ApiClient payment = service.as(Promotions.PAYMENT);
        ApiResponse both = payment.post("/internal/promotions/quote",
                Map.of("buyerId", buyer, "courseId", course.courseId(), "bundleId", UUID.randomUUID()));
        ApiResponse neither = payment.post("/internal/promotions/quote", Map.of("buyerId", buyer));
        ApiResponse noBuyer = payment.post("/internal/promotions/quote", Map.of("courseId", course.courseId()));
        ApiResponse notJson = payment.post("/internal/promotions/quote", "{nope");

        assertThat(List.of(both.status(), neither.status(), noBuyer.status(), notJson.status()))
                .containsOnly(400);
        assertThat(both.contentType()).startsWith("application/problem+json");
        assertThat(promotions.quoteCourse(buyer, UUID.randomUUID(), null, null).status()).isEqualTo(404);
        assertThat(promotions.quoteBundle(buyer, UUID.randomUUID(), null, null).status()).isEqualTo(404);
    }

    @Test
    void eventsWithFieldsThisServiceDoesNotKnowAreStillApplied() {
        CoursePublished course = io.skillwise.promotion.support.Courses.published(instructor.id(), 1234);
        ProducerRecord<String, String> record = TopicRecords.cloudEvent(course);
        String newer = record.value().replaceFirst("\\{", "{\"aFieldFromTheFuture\":{\"x\":1},");
        topics.send(List.of(TopicRecords.withBody(record, newer)));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(promotions.quoteCourse(UUID.randomUUID(),
                course.courseId(), null, null).status()).isEqualTo(200));
        assertThat(amount(promotions.quoteCourse(UUID.randomUUID(), course.courseId(), null, null).body(), "total"))
                .isEqualTo(1234);
    }

    // --- stacking ------------------------------------------------------------------------------------------------

    @Test
    void bestSaleThenCouponOnTheSalePrice() {
        CoursePublished course = promotions.course(instructor.id(), 10000);
        Instant now = Instant.now();
        sale(course.courseId(), 8000, now.minusSeconds(60), now.plusSeconds(3600));
        sale(course.courseId(), 7000, now.minusSeconds(60), now.plusSeconds(3600));
        sale(course.courseId(), 5000, now.plusSeconds(3600), now.plusSeconds(7200)); // not yet
        String code = code("STACK");
        promotions.coupon(instructor, percentCoupon(code, 10, course.courseId()));

        JsonNode quote = promotions.quoteCourse(UUID.randomUUID(), course.courseId(), code, null).body();

        // 10000 -> sale 7000 -> 10 % of 7000 = 700
        assertThat(amount(quote, "price")).isEqualTo(10000);
        assertThat(amount(quote, "discount")).isEqualTo(3700);
        assertThat(amount(quote, "total")).isEqualTo(6300);
        assertThat(quote.path("applied")).hasSize(2);
        assertThat(quote.at("/applied/0/kind").asString()).isEqualTo("SALE");
        assertThat(quote.at("/applied/0/amount/amount").asLong()).isEqualTo(3000);
        assertThat(quote.at("/applied/1/kind").asString()).isEqualTo("COUPON");
        assertThat(quote.at("/applied/1/amount/amount").asLong()).isEqualTo(700);
    }

    @Test
    void bundlePriceIsSpreadOverTheLinesToTheMinorUnit() {
        List<CoursePublished> courses = promotions.courses(instructor.id(), 3000, 2000, 1001);
        String bundleId = bundle(instructor, 5000, courses).path("id").asString();

        JsonNode quote = promotions.quoteBundle(UUID.randomUUID(), UUID.fromString(bundleId), null, null).body();

        // 1001 off over 3000/2000/1001 by largest remainder: 500.4, 333.6, 166.97 -> 500, 334, 167
        assertThat(quote.path("bundleId").asString()).isEqualTo(bundleId);
        assertThat(amount(quote, "price")).isEqualTo(6001);
        assertThat(amount(quote, "total")).isEqualTo(5000);
        assertThat(amount(quote, "discount")).isEqualTo(1001);
        assertThat(lineAmounts(quote, "discount")).containsExactly(500L, 334L, 167L);
        assertThat(lineAmounts(quote, "paid")).containsExactly(2500L, 1666L, 834L);
        assertThat(lineAmounts(quote, "paid").stream().mapToLong(Long::longValue).sum()).isEqualTo(5000);
    }

    @Test
    void fixedCouponOnABundleIsSpreadAndNeverGoesBelowZero() {
        List<CoursePublished> courses = promotions.courses(instructor.id(), 3000, 1000);
        UUID bundleId = UUID.fromString(bundle(instructor, 3000, courses).path("id").asString());
        String small = code("FIX");
        String huge = code("HUGE");
        promotions.coupon(instructor, fixedInstructorCoupon(small, 1001));
        promotions.coupon(instructor, fixedInstructorCoupon(huge, 1_000_000));

        JsonNode quote = promotions.quoteBundle(UUID.randomUUID(), bundleId, small, null).body();
        JsonNode free = promotions.quoteBundle(UUID.randomUUID(), bundleId, huge, null).body();

        // bundle 4000 -> 3000 (750 / 250), then 1001 over 2250 / 750 -> 751 / 250
        assertThat(lineAmounts(quote, "paid")).containsExactly(1499L, 500L);
        assertThat(amount(quote, "total")).isEqualTo(1999);
        assertThat(amount(free, "total")).isZero();
        assertThat(lineAmounts(free, "paid")).containsExactly(0L, 0L);
        assertThat(free.at("/applied/1/amount/amount").asLong()).isEqualTo(3000);
    }

    @Test
    void learnerReferralGivesTheFriendDiscountButNotWithACoupon() {
        CoursePublished course = promotions.course(instructor.id(), 5000);
        TestUser referrer = TestUser.student();
        String referral = api.as(referrer).get("/promotions/referrals/me").text("code");
        String coupon = code("WITHREF");
        promotions.coupon(instructor, percentCoupon(coupon, 20, course.courseId()));

        JsonNode alone = promotions.quoteCourse(UUID.randomUUID(), course.courseId(), null, referral).body();
        JsonNode both = promotions.quoteCourse(UUID.randomUUID(), course.courseId(), coupon, referral).body();
        JsonNode own = promotions.quoteCourse(referrer.id(), course.courseId(), null, referral).body();

        assertThat(amount(alone, "total")).isEqualTo(4500);
        assertThat(alone.at("/referral/kind").asString()).isEqualTo("LEARNER");
        assertThat(alone.at("/referral/code").asString()).isEqualTo(referral);
        assertThat(amount(both, "total")).isEqualTo(4000);
        assertThat(both.has("referral")).isFalse();
        assertThat(both.at("/rejected/0/kind").asString()).isEqualTo("REFERRAL");
        assertThat(both.at("/rejected/0/reason").asString()).isEqualTo("NOT_COMBINABLE");
        assertThat(amount(own, "total")).isEqualTo(5000);
        assertThat(own.at("/rejected/0/reason").asString()).isEqualTo("SELF_REFERRAL");
    }

    // --- coupon rules ----------------------------------------------------------------------------------------

    @Test
    void unknownExpiredNotYetValidPausedAndExhaustedCodesGetOneAnswer() {
        CoursePublished course = promotions.course(instructor.id(), 3000);
        Instant now = Instant.now();
        String expired = code("OLD");
        String future = code("SOON");
        String paused = code("PAUSED");
        String exhausted = code("GONE");
        promotions.coupon(instructor, window(percentCoupon(expired, 10, course.courseId()),
                now.minus(2, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        promotions.coupon(instructor, window(percentCoupon(future, 10, course.courseId()),
                now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS)));
        String pausedId = promotions.coupon(instructor, percentCoupon(paused, 10, course.courseId()))
                .path("id").asString();
        assertThat(api.as(instructor).post("/promotions/coupons/" + pausedId + "/pause", Map.of()).status())
                .isEqualTo(200);
        Map<String, Object> limited = percentCoupon(exhausted, 10, course.courseId());
        limited.put("totalLimit", 1);
        String exhaustedId = promotions.coupon(instructor, limited).path("id").asString();
        UUID firstBuyer = UUID.randomUUID();
        JsonNode used = promotions.quoteCourse(firstBuyer, course.courseId(), exhausted, null).body();
        topics.publish(Orders.fromQuote(firstBuyer, used, instructor.id(), null, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(instructor)
                .get("/promotions/coupons/" + exhaustedId).body().path("redemptions").asInt()).isEqualTo(1));

        UUID buyer = UUID.randomUUID();
        List<JsonNode> answers = java.util.stream.Stream.of(code("NEVER"), expired, future, paused, exhausted)
                .map(code -> promotions.quoteCourse(buyer, course.courseId(), code, null))
                .peek(response -> assertThat(response.status()).isEqualTo(200))
                .map(ApiResponse::body).toList();

        for (JsonNode answer : answers) {
            assertThat(amount(answer, "total")).isEqualTo(3000);
            assertThat(answer.has("coupon")).isFalse();
            assertThat(answer.path("rejected")).hasSize(1);
            assertThat(answer.at("/rejected/0/kind").asString()).isEqualTo("COUPON");
            assertThat(answer.at("/rejected/0/reason").asString()).isEqualTo("INVALID_CODE");
            assertThat(answer.at("/rejected/0/message").asString()).isEqualTo("this code cannot be used");
            // nothing else tells the cases apart
            JsonNode withoutCode = answer.deepCopy();
            ((tools.jackson.databind.node.ObjectNode) withoutCode.at("/rejected/0")).remove("code");
            JsonNode firstWithoutCode = answers.getFirst().deepCopy();
            ((tools.jackson.databind.node.ObjectNode) firstWithoutCode.at("/rejected/0")).remove("code");
            assertThat(withoutCode).isEqualTo(firstWithoutCode);
        }
    }

    @Test
    void codesAreCaseInsensitive() {
        CoursePublished course = promotions.course(instructor.id(), 3000);
        String code = code("CaSe");
        promotions.coupon(instructor, percentCoupon(code.toLowerCase(), 50, course.courseId()));

        JsonNode quote = promotions.quoteCourse(UUID.randomUUID(), course.courseId(), code.toUpperCase(), null).body();

        assertThat(amount(quote, "total")).isEqualTo(1500);
        assertThat(quote.at("/coupon/code").asString()).isEqualTo(code.toUpperCase());
    }

    @Test
    void scopeCoversListedCoursesOrAllOfTheInstructorsCourses() {
        List<CoursePublished> mine = promotions.courses(instructor.id(), 2000, 4000);
        CoursePublished other = promotions.course(TestUser.instructor().id(), 2000);
        String listed = code("LISTED");
        String everything = code("ALLMINE");
        promotions.coupon(instructor, percentCoupon(listed, 50, mine.getFirst().courseId()));
        Map<String, Object> all = new HashMap<>(Map.of("code", everything, "kind", "PERCENT", "percentOff", 50,
                "scope", "INSTRUCTOR"));
        promotions.coupon(instructor, all);
        UUID buyer = UUID.randomUUID();

        assertThat(amount(promotions.quoteCourse(buyer, mine.getFirst().courseId(), listed, null).body(), "total"))
                .isEqualTo(1000);
        JsonNode notListed = promotions.quoteCourse(buyer, mine.get(1).courseId(), listed, null).body();
        assertThat(amount(notListed, "total")).isEqualTo(4000);
        assertThat(notListed.at("/rejected/0/reason").asString()).isEqualTo("INVALID_CODE");
        assertThat(amount(promotions.quoteCourse(buyer, mine.get(1).courseId(), everything, null).body(), "total"))
                .isEqualTo(2000);
        assertThat(promotions.quoteCourse(buyer, other.courseId(), everything, null).body()
                .at("/rejected/0/reason").asString()).isEqualTo("INVALID_CODE");
    }

    @Test
    void minimumPriceIsCheckedAfterTheSale() {
        CoursePublished course = promotions.course(instructor.id(), 5000);
        Instant now = Instant.now();
        sale(course.courseId(), 2500, now.minusSeconds(60), now.plusSeconds(3600));
        String code = code("MIN");
        Map<String, Object> fields = percentCoupon(code, 10, course.courseId());
        fields.put("minimumPrice", money(3000));
        promotions.coupon(instructor, fields);

        JsonNode quote = promotions.quoteCourse(UUID.randomUUID(), course.courseId(), code, null).body();

        assertThat(amount(quote, "total")).isEqualTo(2500);
        assertThat(quote.at("/rejected/0/reason").asString()).isEqualTo("MINIMUM_NOT_MET");
    }

    @Test
    void firstPurchaseOnlyAndPerUserLimitFollowThePaidOrders() {
        List<CoursePublished> courses = promotions.courses(instructor.id(), 2000, 2000, 2000);
        String first = code("FIRST");
        Map<String, Object> firstOnly = percentCoupon(first, 10, courses.get(0).courseId(), courses.get(1).courseId());
        firstOnly.put("firstPurchaseOnly", true);
        promotions.coupon(instructor, firstOnly);
        String once = code("ONCE");
        Map<String, Object> oncePerUser = percentCoupon(once, 10, courses.get(0).courseId(), courses.get(2).courseId());
        oncePerUser.put("perUserLimit", 1);
        promotions.coupon(instructor, oncePerUser);
        UUID buyer = UUID.randomUUID();

        assertThat(amount(promotions.quoteCourse(buyer, courses.get(1).courseId(), first, null).body(), "total"))
                .isEqualTo(1800);
        JsonNode used = promotions.quoteCourse(buyer, courses.get(0).courseId(), once, null).body();
        assertThat(amount(used, "total")).isEqualTo(1800);
        // quoting used nothing up; paying does
        assertThat(amount(promotions.quoteCourse(buyer, courses.get(2).courseId(), once, null).body(), "total"))
                .isEqualTo(1800);
        topics.publish(Orders.fromQuote(buyer, used, instructor.id(), null, Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(promotions.quoteCourse(buyer,
                courses.get(2).courseId(), once, null).body().at("/rejected/0/reason").asString())
                .isEqualTo("USAGE_LIMIT_REACHED"));
        assertThat(promotions.quoteCourse(buyer, courses.get(1).courseId(), first, null).body()
                .at("/rejected/0/reason").asString()).isEqualTo("FIRST_PURCHASE_ONLY");
        assertThat(amount(promotions.quoteCourse(UUID.randomUUID(), courses.get(1).courseId(), first, null).body(),
                "total")).isEqualTo(1800);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private void sale(UUID courseId, long price, Instant startsAt, Instant endsAt) {
        ApiResponse created = api.as(instructor).post("/promotions/sales", Map.of("courseId", courseId, "salePrice",
                money(price),
                "startsAt", startsAt.toString(), "endsAt", endsAt.toString()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    private JsonNode bundle(TestUser owner, long price, List<CoursePublished> courses) {
        ApiResponse created = api.as(owner).post("/promotions/bundles", Map.of("title", "Pack", "price", money(price),
                "courseIds", courses.stream().map(CoursePublished::courseId).toList()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    private static Map<String, Object> fixedInstructorCoupon(String code, long amount) {
        return new HashMap<>(Map.of("code", code, "kind", "FIXED", "amountOff", money(amount),
                "scope", "INSTRUCTOR"));
    }

    private static Map<String, Object> window(Map<String, Object> fields, Instant startsAt, Instant endsAt) {
        fields.put("startsAt", startsAt.toString());
        fields.put("endsAt", endsAt.toString());
        return fields;
    }

    private static List<Long> lineAmounts(JsonNode quote, String field) {
        List<Long> amounts = new java.util.ArrayList<>();
        quote.path("lines").forEach(line -> amounts.add(line.path(field).path("amount").asLong()));
        return amounts;
    }
}
