package io.skillwise.catalog;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Course requests as an instructor's app sends them, and the steps to a published course. */
public final class Courses {

    private Courses() {
    }

    /** A complete draft; a mutable map, so a test can change or drop a field. */
    public static Map<String, Object> draft(String title) {
        return new HashMap<>(Map.of(
                "title", title,
                "description", "Everything about " + title + ".",
                "category", "development",
                "level", "BEGINNER",
                "language", "en",
                "price", Map.of("amount", 4999, "currency", "USD"),
                "objectives", List.of("Understand " + title),
                "tags", List.of()));
    }

    public static Map<String, Object> lesson(String title, boolean preview) {
        return Map.of("title", title, "type", "TEXT", "body", "Body of " + title, "durationSeconds", 600,
                "preview", preview);
    }

    /** Creates the course, gives it a module with a preview lesson and publishes it; answers its id. */
    public static String published(ApiClient api, TestUser instructor, Map<String, Object> request) {
        ApiClient owner = api.as(instructor);
        String courseId = owner.post("/courses", request).assertStatus(201).id();
        String module = owner.post("/courses/" + courseId + "/modules", Map.of("title", "Basics")).id();
        owner.post("/modules/" + module + "/lessons", lesson("Welcome", true));
        owner.post("/courses/" + courseId + "/publish", null).assertStatus(200);
        return courseId;
    }
}
