package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Courses put on sale through catalog's public API: a category (admin), then a course with a lesson, published. */
final class PublishedCourses {

    private PublishedCourses() {
    }

    /** A new top-level category, created by the admin; answers its slug. */
    static String category(DevStack platform) {
        String slug = "system-" + UUID.randomUUID().toString().substring(0, 8);
        PlatformUsers.admin(platform).client().post("/categories", Map.of("name", "System " + slug, "slug", slug))
                .assertStatus(201);
        return slug;
    }

    /** A paid course of {@code owner} with one module and one text lesson, published; answers its id. */
    static UUID paid(DevStack platform, PlatformUsers.Session owner, String categorySlug, String title,
                     long priceMinorUnits) {
        ApiClient api = owner.client();
        String courseId = api.post("/courses", Map.of(
                "title", title, "description", "A course sold by the system tests.",
                "category", categorySlug, "level", "BEGINNER", "language", "en",
                "price", Map.of("amount", priceMinorUnits, "currency", "USD"),
                "objectives", List.of("buy it through the platform"))).assertStatus(201).id();
        String module = api.post("/courses/" + courseId + "/modules", Map.of("title", "Module 1"))
                .assertStatus(201).id();
        api.post("/modules/" + module + "/lessons", Map.of("title", "Lesson 1", "type", "TEXT", "body", "Text."))
                .assertStatus(201);
        api.post("/courses/" + courseId + "/publish", null).assertStatus(200);
        return UUID.fromString(courseId);
    }
}
