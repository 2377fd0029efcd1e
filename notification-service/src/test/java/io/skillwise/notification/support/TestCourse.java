package io.skillwise.notification.support;

import io.skillwise.testsupport.TestUser;

import java.util.UUID;

/** A published course the replicas know, with its instructor ({@link NotificationServiceTest#publishedCourse()}). */
public record TestCourse(UUID id, String title, TestUser instructor) {

    /** Its path in the API (without {@code /api/v1}), e.g. {@code course.path("/announcements")}. */
    public String path(String tail) {
        return "/courses/" + id + tail;
    }
}
