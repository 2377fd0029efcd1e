package io.skillwise.promotion.affiliate;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.events.promotion.CommissionReversalReason;
import io.skillwise.promotion.support.Orders;
import io.skillwise.promotion.support.PromotionApiTest;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.skillwise.promotion.support.Promotions.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Affiliate programs and learner referrals: attribution, commissions, reversals, credits, and who may see what. */
class AffiliateIT extends PromotionApiTest {

    @Test
    void purchaseThroughACodeEarnsACommissionAndItsRefundReversesIt() {
        CoursePublished course = promotions.course(instructor.id(), 10000);
        String programId = openProgram(instructor, course.courseId(), 1500, null).text("id");
        TestUser affiliate = TestUser.student();
        String code = join(programId, affiliate).text("code");
        UUID buyer = UUID.randomUUID();

        JsonNode quote = promotions.quoteCourse(buyer, course.courseId(), null, code.toLowerCase()).body();
        assertThat(quote.at("/referral/kind").asString()).isEqualTo("AFFILIATE");
        assertThat(quote.at("/referral/code").asString()).isEqualTo(code);
        assertThat(quote.at("/total/amount").asLong()).isEqualTo(10000);
        CoursePurchased purchase = Orders.fromQuote(buyer, quote, instructor.id(), null, Instant.now());
        topics.send(purchase);

        AffiliateCommissionEarned earned = await().atMost(PATIENCE).until(
                () -> commissionOf(purchase), java.util.Objects::nonNull);
        assertThat(earned.commission().amount()).isEqualTo(1500);
        assertThat(earned.saleAmount().amount()).isEqualTo(10000);
        assertThat(earned.affiliateId()).isEqualTo(affiliate.id());
        assertThat(earned.instructorId()).isEqualTo(instructor.id());
        assertThat(earned.rateBasisPoints()).isEqualTo(1500);
        JsonNode me = api.get("/affiliates/me", affiliate).body();
        assertThat(me.at("/programs/0/code").asString()).isEqualTo(code);
        assertThat(me.at("/programs/0/figures/conversions").asLong()).isEqualTo(1);
        assertThat(me.at("/programs/0/figures/earned/amount").asLong()).isEqualTo(1500);

        topics.send(Orders.refund(purchase));

        AffiliateCommissionReversed reversed = await().atMost(PATIENCE).until(
                () -> reversalOf(earned), java.util.Objects::nonNull);
        assertThat(reversed.reason()).isEqualTo(CommissionReversalReason.REFUNDED);
        assertThat(reversed.commission().amount()).isEqualTo(1500);
        JsonNode after = api.get("/affiliates/me", affiliate).body();
        assertThat(after.at("/programs/0/figures/earned/amount").asLong()).isZero();
        assertThat(after.at("/programs/0/figures/reversed/amount").asLong()).isEqualTo(1500);
    }

    @Test
    void attributionCountsFromTheFirstTouchAndEndsWithTheWindow() {
        List<CoursePublished> courses = promotions.courses(instructor.id(), 4000, 6000);
        String programId = openProgram(instructor, null, 1000, 7).text("id");
        String code = join(programId, TestUser.student()).text("code");
        TestUser early = TestUser.student();
        TestUser onTime = TestUser.student();

        // signed-in clicks are the first contact; a later quote does not move it
        ApiResponse click = api.get("/affiliates/links/" + code, early);
        assertThat(click.status()).isEqualTo(200);
        assertThat(click.text("redirectTo")).contains("instructor=" + instructor.id());
        assertThat(api.get("/affiliates/links/" + code, onTime).status()).isEqualTo(200);
        assertThat(api.get("/affiliates/links/" + code, null).status()).isEqualTo(200);
        assertThat(api.get("/affiliates/links/NOSUCHCODE", null).status()).isEqualTo(404);
        Instant firstTouch = Instant.now();
        JsonNode quote = promotions.quoteCourse(early.id(), courses.get(0).courseId(), null, code).body();

        CoursePurchased tooLate = Orders.fromQuote(early.id(), quote, instructor.id(), null,
                firstTouch.plus(8, ChronoUnit.DAYS));
        CoursePurchased inTime = Orders.plain(onTime.id(), courses.get(1).courseId(), instructor.id(), 6000,
                firstTouch.plus(6, ChronoUnit.DAYS));
        inTime = withAffiliate(inTime, code);
        topics.send(tooLate, inTime);

        CoursePurchased paid = inTime;
        AffiliateCommissionEarned earned = await().atMost(PATIENCE).until(() -> commissionOf(paid),
                java.util.Objects::nonNull);
        assertThat(earned.commission().amount()).isEqualTo(600);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> commissionOf(tooLate) == null);
        JsonNode results = api.get("/affiliates/programs/" + programId + "/results", instructor).body();
        assertThat(results.path("clicks").asLong()).isEqualTo(3);
        assertThat(results.path("conversions").asLong()).isEqualTo(1);
    }

    @Test
    void selfReferralAndAnInstructorsOwnCodeOnOwnCourseEarnNothing() {
        CoursePublished course = promotions.course(instructor.id(), 5000);
        CoursePublished othersCourse = promotions.course(TestUser.instructor().id(), 5000);
        String programId = openProgram(instructor, null, 2000, null).text("id");
        TestUser affiliate = TestUser.student();
        String code = join(programId, affiliate).text("code");
        String instructorsCode = join(programId, instructor).text("code");

        JsonNode own = promotions.quoteCourse(affiliate.id(), course.courseId(), null, code).body();
        assertThat(own.at("/rejected/0/reason").asString()).isEqualTo("SELF_REFERRAL");
        assertThat(own.has("referral")).isFalse();
        JsonNode notInProgram = promotions.quoteCourse(UUID.randomUUID(), othersCourse.courseId(), null, code).body();
        assertThat(notInProgram.at("/rejected/0/reason").asString()).isEqualTo("INVALID_CODE");

        CoursePurchased selfReferred = withAffiliate(
                Orders.plain(affiliate.id(), course.courseId(), instructor.id(), 5000, Instant.now()), code);
        CoursePurchased instructorReferred = withAffiliate(
                Orders.plain(UUID.randomUUID(), course.courseId(), instructor.id(), 5000, Instant.now()),
                instructorsCode);
        CoursePurchased honest = withAffiliate(
                Orders.plain(UUID.randomUUID(), course.courseId(), instructor.id(), 5000, Instant.now()), code);
        topics.send(selfReferred, instructorReferred, honest);

        await().atMost(PATIENCE).until(() -> commissionOf(honest) != null);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                .until(() -> commissionOf(selfReferred) == null && commissionOf(instructorReferred) == null);
    }

    @Test
    void aLostDisputeReversesAndARefundThatOvertookThePurchaseStillDoes() {
        CoursePublished course = promotions.course(instructor.id(), 8000);
        String programId = openProgram(instructor, course.courseId(), 2500, null).text("id");
        String code = join(programId, TestUser.student()).text("code");
        CoursePurchased disputed = withAffiliate(
                Orders.plain(UUID.randomUUID(), course.courseId(), instructor.id(), 8000, Instant.now()), code);
        CoursePurchased refundedFirst = withAffiliate(
                Orders.plain(UUID.randomUUID(), course.courseId(), instructor.id(), 8000, Instant.now()), code);

        topics.send(Orders.refund(refundedFirst));
        topics.send(disputed);
        AffiliateCommissionEarned earned = await().atMost(PATIENCE).until(() -> commissionOf(disputed),
                java.util.Objects::nonNull);
        topics.send(Orders.lostDispute(disputed));
        // the refund arrived before its purchase: the commission is earned and reversed at once
        topics.send(refundedFirst);

        AffiliateCommissionReversed lost = await().atMost(PATIENCE).until(() -> reversalOf(earned),
                java.util.Objects::nonNull);
        assertThat(lost.reason()).isEqualTo(CommissionReversalReason.DISPUTE_LOST);
        AffiliateCommissionEarned early = await().atMost(PATIENCE).until(() -> commissionOf(refundedFirst),
                java.util.Objects::nonNull);
        AffiliateCommissionReversed refunded = await().atMost(PATIENCE).until(() -> reversalOf(early),
                java.util.Objects::nonNull);
        assertThat(refunded.reason()).isEqualTo(CommissionReversalReason.REFUNDED);
    }

    @Test
    void programsBelongToTheirInstructor() {
        CoursePublished course = promotions.course(instructor.id(), 5000);
        TestUser other = TestUser.instructor();
        String programId = openProgram(instructor, course.courseId(), 1000, null).text("id");

        assertThat(api.get("/affiliates/programs/" + programId + "/results", other).status()).isEqualTo(403);
        assertThat(api.post("/affiliates/programs/" + programId + "/close", Map.of(), other).status()).isEqualTo(403);
        assertThat(api.post("/affiliates/programs", Map.of("courseId", course.courseId(), "rateBasisPoints", 500),
                other).status()).isEqualTo(403);
        assertThat(api.post("/affiliates/programs", Map.of("rateBasisPoints", 500), TestUser.student()).status())
                .isEqualTo(403);
        assertThat(api.post("/affiliates/programs", Map.of("courseId", course.courseId(), "rateBasisPoints", 500),
                instructor).status()).isEqualTo(409);
        assertThat(api.post("/affiliates/programs", Map.of("rateBasisPoints", 20_000), instructor).status())
                .isEqualTo(400);
        assertThat(api.post("/affiliates/programs/" + programId + "/join", Map.of(),
                TestUser.student().withEmailVerified(false)).status()).isEqualTo(403);
        assertThat(api.get("/affiliates/programs/" + programId + "/results", TestUser.admin()).status())
                .isEqualTo(200);
        JsonNode program = api.get("/affiliates/programs/" + programId, other).body();
        assertThat(program.path("attributionDays").asInt()).isEqualTo(30);
    }

    @Test
    void aLearnersCodeGivesTheFriendADiscountAndTheReferrerACreditOnce() {
        CoursePublished course = promotions.course(instructor.id(), 3000);
        TestUser referrer = TestUser.student();
        JsonNode mine = api.get("/promotions/referrals/me", referrer).body();
        String code = mine.path("code").asString();
        assertThat(mine.path("friendDiscountPercent").asInt()).isEqualTo(10);
        assertThat(api.get("/promotions/referrals/me", referrer).text("code")).isEqualTo(code);
        assertThat(api.get("/promotions/referrals/me", TestUser.student().withEmailVerified(false)).status())
                .isEqualTo(403);
        UUID friend = UUID.randomUUID();

        JsonNode quote = promotions.quoteCourse(friend, course.courseId(), null, code).body();
        assertThat(quote.at("/total/amount").asLong()).isEqualTo(2700);
        CoursePurchased first = Orders.fromQuote(friend, quote, instructor.id(), null, Instant.now());
        assertThat(first.referralCode()).isEqualTo(code);
        topics.send(first);

        await().atMost(PATIENCE).until(() ->
                api.get("/promotions/referrals/me", referrer).body().at("/credits/count").asLong() == 1);
        JsonNode credited = api.get("/promotions/referrals/me", referrer).body();
        assertThat(credited.at("/credits/total/0/amount").asLong()).isEqualTo(500);
        // the friend's next purchase is not a first purchase: no discount, no second credit
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(promotions.quoteCourse(friend,
                course.courseId(), null, code).body().at("/rejected/0/reason").asString())
                .isEqualTo("FIRST_PURCHASE_ONLY"));
        CoursePurchased second = new CoursePurchased(UUID.randomUUID(), friend, first.lines(), null, first.total(),
                first.discount(), null, null, code, null, null, Instant.now(), Instant.now());
        topics.send(second);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() ->
                api.get("/promotions/referrals/me", referrer).body().at("/credits/count").asLong() == 1);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private ApiResponse openProgram(TestUser owner, UUID courseId, int rate, Integer days) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("rateBasisPoints", rate);
        if (courseId != null) {
            body.put("courseId", courseId);
        }
        if (days != null) {
            body.put("attributionDays", days);
        }
        ApiResponse created = api.post("/affiliates/programs", body, owner);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created;
    }

    private ApiResponse join(String programId, TestUser user) {
        ApiResponse joined = api.post("/affiliates/programs/" + programId + "/join", Map.of(), user);
        assertThat(joined.status()).as(joined.body().toString()).isEqualTo(200);
        return joined;
    }

    private AffiliateCommissionEarned commissionOf(CoursePurchased purchase) {
        return topics.published(AffiliateCommissionEarned.class).stream()
                .filter(e -> e.orderId().equals(purchase.orderId())).findFirst().orElse(null);
    }

    private AffiliateCommissionReversed reversalOf(AffiliateCommissionEarned earned) {
        return topics.published(AffiliateCommissionReversed.class).stream()
                .filter(e -> e.commissionId().equals(earned.commissionId())).findFirst().orElse(null);
    }

    private static CoursePurchased withAffiliate(CoursePurchased p, String code) {
        return new CoursePurchased(p.orderId(), p.buyerId(), p.lines(), p.bundleId(), p.total(), p.discount(),
                p.couponId(), p.couponCode(), p.referralCode(), code, p.invoiceId(), p.purchasedAt(), p.occurredAt());
    }
}
