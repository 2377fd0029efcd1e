package io.skillwise.promotion.bundle;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseUnpublished;
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

/** Bundles: public while active, managed by their owner; instructors bundle their own courses only. */
class BundleIT extends PromotionApiTest {

    @Test
    void activeBundlesArePublicAndInactiveOnesOnlyTheirOwners() {
        List<CoursePublished> courses = promotions.courses(instructor.id(), 3000, 2000);
        ApiResponse created = create(instructor, 4000, courses.get(0).courseId(), courses.get(1).courseId());
        assertThat(created.status()).isEqualTo(201);
        String path = "/promotions/bundles/" + created.text("id");

        ApiResponse anonymous = api.get(path);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().at("/price/amount").asLong()).isEqualTo(4000);
        assertThat(anonymous.body().at("/listTotal/amount").asLong()).isEqualTo(5000);
        assertThat(anonymous.body().path("courses")).hasSize(2);
        assertThat(api.get("/promotions/bundles?size=100").status()).isEqualTo(200);

        TestUser other = TestUser.instructor();
        assertThat(api.as(other).patch(path, Map.of("title", "Mine now")).status()).isEqualTo(404);
        assertThat(api.as(other).post(path + "/deactivate", Map.of()).status()).isEqualTo(404);
        assertThat(api.as(instructor).post(path + "/deactivate", Map.of()).status()).isEqualTo(200);

        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(api.as(other).get(path).status()).isEqualTo(404);
        assertThat(api.as(instructor).get(path).status()).isEqualTo(200);
        assertThat(promotions.quoteBundle(UUID.randomUUID(), UUID.fromString(created.text("id")), null, null)
                .status()).isEqualTo(404);
        assertThat(api.as(instructor).get("/promotions/bundles?mine=true").body().path("totalItems").asLong())
                .isEqualTo(1);
    }

    @Test
    void instructorsBundleTheirOwnCoursesAndAdminsAcrossInstructors() {
        CoursePublished mine = promotions.course(instructor.id(), 3000);
        TestUser otherInstructor = TestUser.instructor();
        CoursePublished theirs = promotions.course(otherInstructor.id(), 2000);

        assertThat(create(instructor, 4000, mine.courseId(), theirs.courseId()).status()).isEqualTo(403);
        assertThat(create(TestUser.student(), 4000, mine.courseId(), theirs.courseId()).status()).isEqualTo(403);
        ApiResponse admins = create(TestUser.admin(), 4000, mine.courseId(), theirs.courseId());
        assertThat(admins.status()).isEqualTo(201);

        // every instructor earns on their own line, at the bundle discount spread by price
        var quote = promotions.quoteBundle(UUID.randomUUID(), UUID.fromString(admins.text("id")), null, null).body();
        assertThat(quote.at("/lines/0/paid/amount").asLong()).isEqualTo(2400);
        assertThat(quote.at("/lines/1/paid/amount").asLong()).isEqualTo(1600);
    }

    @Test
    void invalidBundlesAreRefused() {
        List<CoursePublished> courses = promotions.courses(instructor.id(), 3000, 2000);
        UUID a = courses.get(0).courseId();
        UUID b = courses.get(1).courseId();

        assertThat(create(instructor, 5000, a, b).status()).isEqualTo(400);         // not below the courses' total
        assertThat(create(instructor, 1000, a).status()).isEqualTo(400);            // one course is no bundle
        assertThat(create(instructor, 1000, a, a).status()).isEqualTo(400);         // twice the same course
        assertThat(create(instructor, 1000, a, UUID.randomUUID()).status()).isEqualTo(400);
        assertThat(api.as(instructor).get("/promotions/bundles?mine=true").body().path("totalItems").asLong()).isZero();
    }

    @Test
    void aBundleWithAWithdrawnCourseCannotBeQuoted() {
        List<CoursePublished> courses = promotions.courses(instructor.id(), 3000, 2000);
        UUID bundleId = UUID.fromString(create(instructor, 4000, courses.get(0).courseId(),
                courses.get(1).courseId()).text("id"));
        assertThat(promotions.quoteBundle(UUID.randomUUID(), bundleId, null, null).status()).isEqualTo(200);

        topics.publish(new CourseUnpublished(courses.get(1).courseId(), instructor.id(), "gone", null, 2,
                instructor.id(), Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(promotions.quoteBundle(UUID.randomUUID(), bundleId,
                null, null).status()).isEqualTo(404));
    }

    private ApiResponse create(TestUser owner, long price, UUID... courseIds) {
        return api.as(owner).post("/promotions/bundles", Map.of("title", "Pack", "price", money(price),
                "courseIds", List.of(courseIds)));
    }
}
