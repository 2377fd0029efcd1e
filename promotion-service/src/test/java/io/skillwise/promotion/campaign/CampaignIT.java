package io.skillwise.promotion.campaign;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.promotion.CampaignEnded;
import io.skillwise.events.promotion.CampaignStarted;
import io.skillwise.events.promotion.CourseSaleCancelled;
import io.skillwise.promotion.support.Orders;
import io.skillwise.promotion.support.PromotionApiTest;
import org.springframework.boot.test.context.SpringBootTest;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.skillwise.promotion.support.Promotions.PATIENCE;
import static io.skillwise.promotion.support.Promotions.code;
import static io.skillwise.promotion.support.Promotions.money;
import static io.skillwise.promotion.support.Promotions.percentCoupon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Campaign windows, their events, and the effectiveness report from a known sequence of events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "skillwise.promotion.campaign.check-interval=300ms")
class CampaignIT extends PromotionApiTest {

    @Test
    void reportCountsRedemptionsRevenueAndEnrollmentsAgainstTheWindowBefore() {
        List<CoursePublished> courses = promotions.courses(instructor.id(), 1000, 2000);
        UUID a = courses.get(0).courseId();
        UUID b = courses.get(1).courseId();
        String code = code("CAMP");
        String couponId = promotions.coupon(instructor, percentCoupon(code, 10, a)).path("id").asString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant start = now.minus(48, ChronoUnit.HOURS);
        ApiResponse created = api.as(instructor).post("/promotions/campaigns", Map.of("name", "Spring", "startsAt",
                start.toString(),
                "endsAt", now.plus(1, ChronoUnit.HOURS).toString(), "courseIds", List.of(a, b),
                "couponIds", List.of(couponId)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("RUNNING");
        String campaignId = created.text("id");

        // during the window: 3 enrollments in A, 1 in B; before it: 2 in A, 1 in B; long before: 1 in A
        Instant[] duringA = {now.minus(47, ChronoUnit.HOURS), now.minus(30, ChronoUnit.HOURS),
                now.minus(1, ChronoUnit.HOURS)};
        Instant duringB = now.minus(2, ChronoUnit.HOURS);
        for (Instant at : duringA) {
            topics.publish(Orders.enrolled(a, instructor.id(), at));
        }
        topics.publish(Orders.enrolled(b, instructor.id(), duringB),
                Orders.enrolled(a, instructor.id(), now.minus(60, ChronoUnit.HOURS)),
                Orders.enrolled(a, instructor.id(), now.minus(90, ChronoUnit.HOURS)),
                Orders.enrolled(b, instructor.id(), now.minus(50, ChronoUnit.HOURS)),
                Orders.enrolled(a, instructor.id(), now.minus(200, ChronoUnit.HOURS)));
        // purchases: A with the campaign coupon (900), B at list price (2000), and A long before (not counted)
        UUID buyer = UUID.randomUUID();
        JsonNode quote = promotions.quoteCourse(buyer, a, code, null).body();
        assertThat(quote.at("/total/amount").asLong()).isEqualTo(900);
        Instant paidA = now.minus(3, ChronoUnit.HOURS);
        Instant paidB = now.minus(10, ChronoUnit.HOURS);
        topics.publish(Orders.fromQuote(buyer, quote, instructor.id(), null, paidA),
                Orders.plain(UUID.randomUUID(), b, instructor.id(), 2000, paidB),
                Orders.plain(UUID.randomUUID(), a, instructor.id(), 1000, now.minus(100, ChronoUnit.HOURS)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode total = report(campaignId, instructor).body().path("total");
            assertThat(total.path("enrollments").asLong()).isEqualTo(4);
            assertThat(total.path("enrollmentsBefore").asLong()).isEqualTo(3);
            assertThat(total.path("purchases").asLong()).isEqualTo(2);
            assertThat(total.path("redemptions").asLong()).isEqualTo(1);
        });
        JsonNode report = report(campaignId, instructor).body();
        JsonNode total = report.path("total");
        assertThat(total.at("/revenue/amount").asLong()).isEqualTo(2900);
        assertThat(total.at("/discount/amount").asLong()).isEqualTo(100);
        assertThat(total.path("spikeRatio").asDouble()).isEqualTo(4.0 / 3.0);
        assertThat(report.path("from").asString()).isEqualTo(start.toString());
        JsonNode courseA = course(report, a);
        JsonNode courseB = course(report, b);
        assertThat(courseA.at("/figures/redemptions").asLong()).isEqualTo(1);
        assertThat(courseA.at("/figures/revenue/amount").asLong()).isEqualTo(900);
        assertThat(courseA.at("/figures/enrollments").asLong()).isEqualTo(3);
        assertThat(courseA.at("/figures/enrollmentsBefore").asLong()).isEqualTo(2);
        assertThat(courseA.at("/figures/spikeRatio").asDouble()).isEqualTo(1.5);
        assertThat(courseB.at("/figures/redemptions").asLong()).isZero();
        assertThat(courseB.at("/figures/revenue/amount").asLong()).isEqualTo(2000);
        assertThat(courseB.at("/figures/spikeRatio").asDouble()).isEqualTo(1.0);

        // per day: every event of the window on its UTC day
        Map<LocalDate, long[]> expected = new TreeMap<>(); // redemptions, purchases, revenue, enrollments
        expected.computeIfAbsent(day(paidA), d -> new long[4])[0]++;
        expected.get(day(paidA))[1]++;
        expected.get(day(paidA))[2] += 900;
        expected.computeIfAbsent(day(paidB), d -> new long[4])[1]++;
        expected.get(day(paidB))[2] += 2000;
        for (Instant at : List.of(duringA[0], duringA[1], duringA[2], duringB)) {
            expected.computeIfAbsent(day(at), d -> new long[4])[3]++;
        }
        assertThat(report.path("days")).hasSize(expected.size());
        int i = 0;
        for (Map.Entry<LocalDate, long[]> entry : expected.entrySet()) {
            JsonNode day = report.path("days").get(i++);
            assertThat(day.path("day").asString()).isEqualTo(entry.getKey().toString());
            assertThat(day.path("redemptions").asLong()).as("redemptions " + entry.getKey()).isEqualTo(entry.getValue()[0]);
            assertThat(day.path("purchases").asLong()).as("purchases " + entry.getKey()).isEqualTo(entry.getValue()[1]);
            assertThat(day.at("/revenue/amount").asLong()).as("revenue " + entry.getKey()).isEqualTo(entry.getValue()[2]);
            assertThat(day.path("enrollments").asLong()).as("enrollments " + entry.getKey()).isEqualTo(entry.getValue()[3]);
        }
        // the start was published when the campaign was created
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(topics.events(CampaignStarted.class))
                .anySatisfy(started -> {
                    assertThat(started.campaignId().toString()).isEqualTo(campaignId);
                    assertThat(started.courseIds()).contains(a, b);
                    assertThat(started.couponIds()).contains(UUID.fromString(couponId));
                }));
    }

    @Test
    void stoppingEarlyEndsTheCouponsAndWithdrawsTheSales() {
        CoursePublished course = promotions.course(instructor.id(), 5000);
        String code = code("STOP");
        String couponId = promotions.coupon(instructor, percentCoupon(code, 20, course.courseId())).path("id").asString();
        Instant now = Instant.now();
        String saleId = api.as(instructor).post("/promotions/sales", Map.of("courseId", course.courseId(), "salePrice",
                money(4000),
                "startsAt", now.minusSeconds(10).toString(), "endsAt", now.plusSeconds(7200).toString()))
                .text("id");
        String campaignId = api.as(instructor).post("/promotions/campaigns", Map.of("name", "Flash", "startsAt",
                now.toString(),
                "endsAt", now.plusSeconds(3600).toString(), "couponIds", List.of(couponId),
                "saleIds", List.of(saleId))).text("id");
        assertThat(promotions.quoteCourse(UUID.randomUUID(), course.courseId(), code, null).body()
                .at("/total/amount").asLong()).isEqualTo(3200);

        TestUser other = TestUser.instructor();
        assertThat(api.as(other).post("/promotions/campaigns/" + campaignId + "/stop", Map.of()).status())
                .isEqualTo(404);
        assertThat(report(campaignId, other).status()).isEqualTo(404);
        assertThat(api.as(other).get("/promotions/campaigns/" + campaignId).status()).isEqualTo(404);
        assertThat(report(campaignId, TestUser.student()).status()).isEqualTo(403);
        assertThat(report(campaignId, TestUser.admin()).status()).isEqualTo(200);
        ApiResponse stopped = api.as(instructor).post("/promotions/campaigns/" + campaignId + "/stop", Map.of());

        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.text("status")).isEqualTo("ENDED");
        JsonNode after = promotions.quoteCourse(UUID.randomUUID(), course.courseId(), code, null).body();
        assertThat(after.at("/rejected/0/reason").asString()).isEqualTo("INVALID_CODE");
        assertThat(after.at("/total/amount").asLong()).isEqualTo(5000);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(topics.events(CampaignEnded.class))
                    .anyMatch(e -> e.campaignId().toString().equals(campaignId)
                            && instructor.id().equals(e.actorId()));
            assertThat(topics.events(CourseSaleCancelled.class))
                    .anyMatch(e -> e.saleId().toString().equals(saleId));
        });
        assertThat(api.as(instructor).post("/promotions/campaigns/" + campaignId + "/stop", Map.of()).status())
                .isEqualTo(409);
    }

    @Test
    void aScheduledCampaignOpensAndClosesOnItsOwn() {
        CoursePublished course = promotions.course(instructor.id(), 5000);
        String code = code("LATER");
        String couponId = promotions.coupon(instructor, percentCoupon(code, 20, course.courseId())).path("id").asString();
        Instant now = Instant.now();
        ApiResponse created = api.as(instructor).post("/promotions/campaigns", Map.of("name", "Soon",
                "startsAt", now.plusSeconds(2).toString(), "endsAt", now.plusSeconds(5).toString(),
                "couponIds", List.of(couponId)));
        String campaignId = created.text("id");

        assertThat(created.text("status")).isEqualTo("SCHEDULED");
        // a campaign's coupon applies only while the campaign runs
        assertThat(promotions.quoteCourse(UUID.randomUUID(), course.courseId(), code, null).body()
                .at("/rejected/0/reason").asString()).isEqualTo("INVALID_CODE");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as(instructor)
                .get("/promotions/campaigns/" + campaignId).text("status")).isEqualTo("ENDED"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(topics.events(CampaignStarted.class))
                    .anyMatch(e -> e.campaignId().toString().equals(campaignId));
            assertThat(topics.events(CampaignEnded.class))
                    .anyMatch(e -> e.campaignId().toString().equals(campaignId) && e.actorId() == null);
        });
    }

    private ApiResponse report(String campaignId, TestUser user) {
        return api.as(user).get("/promotions/campaigns/" + campaignId + "/report");
    }

    private static JsonNode course(JsonNode report, UUID courseId) {
        for (JsonNode course : report.path("courses")) {
            if (course.path("courseId").asString().equals(courseId.toString())) {
                return course;
            }
        }
        throw new AssertionError("no figures for course " + courseId + " in " + report);
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
