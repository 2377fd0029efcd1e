package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Courses put on sale through catalog's public API: a category (admin), then a course with a lesson, published. */
final class PublishedCourses {

    private PublishedCourses() {
    }

    /** A new top-level category, created by the admin; answers its slug. */
    static String category(DevStack platform) {
        String slug = "system-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> category = PlatformUsers.post(PlatformUsers.api(platform) + "/categories",
                PlatformUsers.admin(platform).token(), Map.of("name", "System " + slug, "slug", slug), Map.of());
        assertThat(category.statusCode()).as(category.body()).isEqualTo(201);
        return slug;
    }

    /** A paid course of {@code owner} with one module and one text lesson, published; answers its id. */
    static UUID paid(DevStack platform, PlatformUsers.Session owner, String categorySlug, String title,
                     long priceMinorUnits) {
        String api = PlatformUsers.api(platform);
        HttpResponse<String> created = PlatformUsers.post(api + "/courses", owner.token(), Map.of(
                "title", title, "description", "A course sold by the system tests.",
                "category", categorySlug, "level", "BEGINNER", "language", "en",
                "price", Map.of("amount", priceMinorUnits, "currency", "USD"),
                "objectives", List.of("buy it through the platform")), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String courseId = Http.json(created).path("id").asString();
        HttpResponse<String> module = PlatformUsers.post(api + "/courses/" + courseId + "/modules", owner.token(),
                Map.of("title", "Module 1"), Map.of());
        assertThat(module.statusCode()).as(module.body()).isEqualTo(201);
        HttpResponse<String> lesson = PlatformUsers.post(api + "/modules/" + Http.json(module).path("id").asString()
                + "/lessons", owner.token(), Map.of("title", "Lesson 1", "type", "TEXT", "body", "Text."), Map.of());
        assertThat(lesson.statusCode()).as(lesson.body()).isEqualTo(201);
        HttpResponse<String> published = PlatformUsers.post(api + "/courses/" + courseId + "/publish", owner.token(),
                null, Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return UUID.fromString(courseId);
    }
}
