package io.skillwise.notification.reminder;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One enrollment as reminders need it ({@code enrollment.enrollment.v1}): when it started, whether the learner is
 * still taking the course ({@code ACTIVE}), which lessons they completed and when they last completed one.
 */
@Document(Learner.COLLECTION)
record Learner(@Id String id, String courseId, String studentId, Instant enrolledAt, String status,
               List<String> completedLessons, Instant lastActivityAt) {

    static final String COLLECTION = "reminder_learners";
    static final String ACTIVE = "ACTIVE";
    static final String COMPLETED = "COMPLETED";

    boolean active() {
        return ACTIVE.equals(status);
    }
}
