package io.skillwise.notification.announcement;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * An announcement a course's instructor posted to its learners. It is stored first and told to the learners after
 * ({@link AnnouncementFanOut}): {@code PENDING} until a fan-out has delivered it, {@code DELIVERING} while one holds
 * its lease, {@code DELIVERED} with the number of learners it reached.
 */
@Document(Announcement.COLLECTION)
record Announcement(@Id String id, String courseId, String authorId, String title, String body, boolean email,
                    Instant createdAt, Status status, String leaseOwner, Instant leaseUntil, int attempts,
                    Integer recipients, Instant deliveredAt) {

    static final String COLLECTION = "announcements";

    enum Status {
        PENDING, DELIVERING, DELIVERED
    }
}
