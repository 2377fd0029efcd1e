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
import static io.skillwise.testsupport.Eventually.eventually;
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
        topics.publish(purchase);

        AffiliateCommissionEarned earned = eventually(PATIENCE, () -> commissionOf(purchase),
                value -> assertThat(value).isNotNull());
        assertThat(earned.commission().amount()).isEqualTo(1500);
        assertThat(earned.saleAmount().amount()).isEqualTo(10000);
        assertThat(earned.affiliateId()).isEqualTo(affiliate.id());
        assertThat(earned.instructorId()).isEqualTo(instructor.id());
        assertThat(earned.rateBasisPoints()).isEqualTo(1500);
        JsonNode me = api.as(affiliate).get("/affiliates/me").body();
        assertThat(me.at("/programs/0/code").asString()).isEqualTo(code);
        assertThat(me.at("/programs/0/figures/conversions").asLong()).isEqualTo(1);
        assertThat(me.at("/programs/0/figures/earned/amount").asLong()).isEqualTo(1500);

        topics.publish(Orders.refund(purchase));

        AffiliateCommissionReversed reversed = eventually(PATIENCE, () -> reversalOf(earned),
                value -> assertThat(value).isNotNull());
        assertThat(reversed.reason()).isEqualTo(CommissionReversalReason.REFUNDED);
        assertThat(reversed.commission().amount()).isEqualTo(1500);
        JsonNode after = api.as(affiliate).get("/affiliates/me").body();
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
        ApiResponse click = api.as(early).get("/affiliates/links/" + code);
        assertThat(click.status()).isEqualTo(200);
        assertThat(click.text("redirectTo")).contains("instructor=" + instructor.id());
        assertThat(api.as(onTime).get("/affiliates/links/" + code).status()).isEqualTo(200);
        assertThat(api.get("/affiliates/links/" + code).status()).isEqualTo(200);
        assertThat(api.get("/affiliates/links/NOSUCHCODE").status()).isEqualTo(404);
        Instant firstTouch = Instant.now();
        JsonNode quote = promotions.quoteCourse(early.id(), courses.get(0).courseId(), null, code).body();

        CoursePurchased tooLate = Orders.fromQuote(early.id(), quote, instructor.id(), null,
                firstTouch.plus(8, ChronoUnit.DAYS));
        CoursePurchased inTime = Orders.plain(onTime.id(), courses.get(1).courseId(), instructor.id(), 6000,
                firstTouch.plus(6, ChronoUnit.DAYS));
        inTime = withAffiliate(inTime, code);
        topics.publish(tooLate, inTime);

        CoursePurchased paid = inTime;
        AffiliateCommissionEarned earned = eventually(PATIENCE, () -> commissionOf(paid),
                value -> assertThat(value).isNotNull());
        assertThat(earned.commission().amount()).isEqualTo(600);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).untilAsserted(() -> assertThat(commissionOf(tooLate))
                .isNull());
        JsonNode results = api.as(instructor).get("/affiliates/programs/" + programId + "/results").body();
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
        topics.publish(selfReferred, instructorReferred, honest);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(commissionOf(honest)).isNotNull());
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                .untilAsserted(() -> {
            assertThat(commissionOf(selfReferred)).isNull();
            assertThat(commissionOf(instructorReferred)).isNull();
        });
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

        topics.publish(Orders.refund(refundedFirst));
        topics.publish(disputed);
        AffiliateCommissionEarned earned = eventually(PATIENCE, () -> commissionOf(disputed),
                value -> assertThat(value).isNotNull());
        topics.publish(Orders.lostDispute(disputed));
        // the refund arrived before its purchase: the commission is earned and reversed at once
        topics.publish(refundedFirst);

        AffiliateCommissionReversed lost = eventually(PATIENCE, () -> reversalOf(earned),
                value -> assertThat(value).isNotNull());
        assertThat(lost.reason()).isEqualTo(CommissionReversalReason.DISPUTE_LOST);
        AffiliateCommissionEarned early = eventually(PATIENCE, () -> commissionOf(refundedFirst),
                value -> assertThat(value).isNotNull());
        AffiliateCommissionReversed refunded = eventually(PATIENCE, () -> reversalOf(early),
                value -> assertThat(value).isNotNull());
        assertThat(refunded.reason()).isEqualTo(CommissionReversalReason.REFUNDED);
    }

    @Test
    void programsBelongToTheirInstructor() {
        CoursePublished course = promotions.course(instructor.id(), 5000);
        TestUser other = TestUser.instructor();
        String programId = openProgram(instructor, course.courseId(), 1000, null).text("id");

        assertThat(api.as(other).get("/affiliates/programs/" + programId + "/results").status()).isEqualTo(403);
        assertThat(api.as(other).post("/affiliates/programs/" + programId + "/close", Map.of()).status())
                .isEqualTo(403);
        assertThat(api.as(other).post("/affiliates/programs", Map.of("courseId", course.courseId(), "rateBasisPoints",
                500)).status()).isEqualTo(403);
        assertThat(api.as(TestUser.student()).post("/affiliates/programs", Map.of("rateBasisPoints", 500)).status())
                .isEqualTo(403);
        assertThat(api.as(instructor).post("/affiliates/programs", Map.of("courseId", course.courseId(),
                "rateBasisPoints", 500)).status()).isEqualTo(409);
        assertThat(api.as(instructor).post("/affiliates/programs", Map.of("rateBasisPoints", 20_000)).status())
                .isEqualTo(400);
        assertThat(api.as(TestUser.student().withEmailVerified(false))
                .post("/affiliates/programs/" + programId + "/join", Map.of()).status()).isEqualTo(403);
        assertThat(api.as(TestUser.admin()).get("/affiliates/programs/" + programId + "/results").status())
                .isEqualTo(200);
        JsonNode program = api.as(other).get("/affiliates/programs/" + programId).body();
        assertThat(program.path("attributionDays").asInt()).isEqualTo(30);
    }

    @Test
    void aLearnersCodeGivesTheFriendADiscountAndTheReferrerACreditOnce() {
        CoursePublished course = promotions.course(instructor.id(), 3000);
        TestUser referrer = TestUser.student();
        JsonNode mine = api.as(referrer).get("/promotions/referrals/me").body();
        String code = mine.path("code").asString();
        assertThat(mine.path("friendDiscountPercent").asInt()).isEqualTo(10);
        assertThat(api.as(referrer).get("/promotions/referrals/me").text("code")).isEqualTo(code);
        assertThat(api.as(TestUser.student().withEmailVerified(false)).get("/promotions/referrals/me").status())
                .isEqualTo(403);
        UUID friend = UUID.randomUUID();

        JsonNode quote = promotions.quoteCourse(friend, course.courseId(), null, code).body();
        assertThat(quote.at("/total/amount").asLong()).isEqualTo(2700);
        CoursePurchased first = Orders.fromQuote(friend, quote, instructor.id(), null, Instant.now());
        assertThat(first.referralCode()).isEqualTo(code);
        topics.publish(first);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(referrer).get("/promotions/referrals/me")
                .body().at("/credits/count").asLong()).isEqualTo(1));
        JsonNode credited = api.as(referrer).get("/promotions/referrals/me").body();
        assertThat(credited.at("/credits/total/0/amount").asLong()).isEqualTo(500);
        // the friend's next purchase is not a first purchase: no discount, no second credit
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(promotions.quoteCourse(friend,
                course.courseId(), null, code).body().at("/rejected/0/reason").asString())
                .isEqualTo("FIRST_PURCHASE_ONLY"));
        CoursePurchased second = new CoursePurchased(UUID.randomUUID(), friend, first.lines(), null, first.total(),
                first.discount(), null, null, code, null, null, Instant.now(), Instant.now());
        topics.publish(second);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(referrer)
                .get("/promotions/referrals/me").body().at("/credits/count").asLong()).isEqualTo(1));
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
        ApiResponse created = api.as(owner).post("/affiliates/programs", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created;
    }

    private ApiResponse join(String programId, TestUser user) {
        ApiResponse joined = api.as(user).post("/affiliates/programs/" + programId + "/join", Map.of());
        assertThat(joined.status()).as(joined.body().toString()).isEqualTo(200);
        return joined;
    }

    private AffiliateCommissionEarned commissionOf(CoursePurchased purchase) {
        return topics.events(AffiliateCommissionEarned.class).stream()
                .filter(e -> e.orderId().equals(purchase.orderId())).findFirst().orElse(null);
    }

    private AffiliateCommissionReversed reversalOf(AffiliateCommissionEarned earned) {
        return topics.events(AffiliateCommissionReversed.class).stream()
                .filter(e -> e.commissionId().equals(earned.commissionId())).findFirst().orElse(null);
    }

    private static CoursePurchased withAffiliate(CoursePurchased p, String code) {
        return new CoursePurchased(p.orderId(), p.buyerId(), p.lines(), p.bundleId(), p.total(), p.discount(),
                p.couponId(), p.couponCode(), p.referralCode(), code, p.invoiceId(), p.purchasedAt(), p.occurredAt());
    }
}
