package io.skillwise.promotion.sale;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.promotion.CourseSaleCancelled;
import io.skillwise.events.promotion.CourseSaleScheduled;
import io.skillwise.promotion.support.PromotionApiTest;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.skillwise.promotion.support.Promotions.PATIENCE;
import static io.skillwise.promotion.support.Promotions.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sales travel as events (ADR 0006 point 1); only the course's owner or an admin manages them. */
class SaleIT extends PromotionApiTest {

    @Test
    void aSaleIsPublishedWhenScheduledAgainWhenChangedAndWhenCancelled() {
        CoursePublished course = promotions.course(instructor.id(), 5000);
        Instant start = Instant.parse("2030-03-01T00:00:00Z");
        ApiResponse created = api.as(instructor).post("/promotions/sales", Map.of("courseId", course.courseId(),
                "salePrice", money(3000), "startsAt", start.toString(), "endsAt", start.plusSeconds(86400).toString()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");

        assertThat(api.as(instructor).patch("/promotions/sales/" + id, Map.of("salePrice", money(2500))).status())
                .isEqualTo(200);
        assertThat(api.as(instructor).post("/promotions/sales/" + id + "/cancel", Map.of()).status()).isEqualTo(200);

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<CourseSaleScheduled> scheduled = topics.events(CourseSaleScheduled.class).stream()
                    .filter(e -> e.saleId().toString().equals(id)).toList();
            assertThat(scheduled).extracting(e -> e.salePrice().amount()).containsExactly(3000L, 2500L);
            assertThat(scheduled.getFirst().courseId()).isEqualTo(course.courseId());
            assertThat(scheduled.getFirst().instructorId()).isEqualTo(instructor.id());
            assertThat(scheduled.getFirst().startsAt()).isEqualTo(start);
            assertThat(topics.events(CourseSaleCancelled.class))
                    .anyMatch(e -> e.saleId().toString().equals(id) && e.actorId().equals(instructor.id()));
        });
        assertThat(api.as(instructor).patch("/promotions/sales/" + id, Map.of("salePrice", money(2000))).status())
                .isEqualTo(409);
    }

    @Test
    void onlyTheOwnerOrAnAdminManagesACoursesSales() {
        CoursePublished course = promotions.course(instructor.id(), 5000);
        TestUser other = TestUser.instructor();
        Instant now = Instant.now();
        Map<String, Object> body = Map.of("courseId", course.courseId(), "salePrice", money(3000),
                "startsAt", now.toString(), "endsAt", now.plusSeconds(3600).toString());
        String id = api.as(instructor).post("/promotions/sales", body).text("id");

        assertThat(api.as(other).post("/promotions/sales", body).status()).isEqualTo(403);
        assertThat(api.as(other).get("/promotions/sales/" + id).status()).isEqualTo(404);
        assertThat(api.as(other).patch("/promotions/sales/" + id, Map.of("salePrice", money(1))).status())
                .isEqualTo(404);
        assertThat(api.as(other).post("/promotions/sales/" + id + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(api.as(TestUser.student()).post("/promotions/sales", body).status()).isEqualTo(403);
        assertThat(api.as(TestUser.admin()).get("/promotions/sales/" + id).status()).isEqualTo(200);
        assertThat(api.as(instructor).get("/promotions/sales/" + id).text("status")).isEqualTo("SCHEDULED");
        assertThat(promotions.quoteCourse(UUID.randomUUID(), course.courseId(), null, null).body()
                .at("/total/amount").asLong()).isEqualTo(3000);
    }

    @Test
    void invalidSalesAreRefused() {
        CoursePublished course = promotions.course(instructor.id(), 5000);
        Instant now = Instant.now();
        List<Map<String, Object>> invalid = List.of(
                Map.of("courseId", course.courseId(), "salePrice", money(5000), "startsAt", now.toString(),
                        "endsAt", now.plusSeconds(60).toString()),
                Map.of("courseId", course.courseId(), "salePrice", Map.of("amount", 100, "currency", "EUR"),
                        "startsAt", now.toString(), "endsAt", now.plusSeconds(60).toString()),
                Map.of("courseId", course.courseId(), "salePrice", money(100), "startsAt", now.toString(),
                        "endsAt", now.minusSeconds(60).toString()),
                Map.of("courseId", UUID.randomUUID(), "salePrice", money(100), "startsAt", now.toString(),
                        "endsAt", now.plusSeconds(60).toString()),
                Map.of("courseId", course.courseId(), "salePrice", money(100)));

        for (Map<String, Object> body : invalid) {
            assertThat(api.as(instructor).post("/promotions/sales", body).status()).as(body.toString()).isEqualTo(400);
        }
        assertThat(api.as(instructor).get("/promotions/sales?courseId=" + course.courseId()).body()
                .path("totalItems").asLong()).isZero();
    }
}
