package io.skillwise.systemtests;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** What a learner does in a course, through enrollment-service's API. */
final class Learning {

    private Learning() {
    }

    /**
     * Marks the course's first lesson completed (for a course of one lesson, that completes the course); answers the
     * learner's progress afterwards.
     */
    static JsonNode completeFirstLesson(PlatformUsers.Session learner, UUID courseId) {
        JsonNode progress = learner.client().get("/progress/" + courseId).assertStatus(200).body();
        String lessonId = progress.path("lessons").get(0).path("lessonId").asString();
        return learner.client().patch("/enrollments/" + progress.path("enrollmentId").asString() + "/progress",
                Map.of("lessonId", lessonId, "completed", true)).assertStatus(200).body();
    }
}
