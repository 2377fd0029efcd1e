package io.skillwise.notification.reminder;

import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One reminder waiting for its moment: {@code SCHEDULED} until {@code fireAt}, then claimed by one instance
 * ({@code FIRING} until {@code leaseUntil}) and {@code SENT} to the recipients it still applies to when it fires, or
 * {@code CANCELLED} before. Its id is derived from what it reminds of, so scheduling it again finds it.
 *
 * <p>{@code userId} names its one recipient; without it the audience is the course's learners the reminder applies to
 * when it fires. A copy held back by a recipient's quiet hours has {@code parentId}, the reminder it was copied from:
 * both deliver under the parent's key, so nobody gets one reminder twice.
 *
 * @param anchor    the moment it reminds of: the lesson's opening or deadline, or the learner's last activity
 * @param courseIds the courses of an abandoned checkout
 */
@Document(Reminder.COLLECTION)
record Reminder(@Id String id, Type type, String courseId, String lessonId, String userId, String enrollmentId,
                Instant anchor, List<String> courseIds, String parentId, String title, String text, String link,
                boolean email, Instant fireAt, Status status, String leaseOwner, Instant leaseUntil, int attempts,
                String createdBy, Instant createdAt, Instant firedAt, Integer recipients) {

    static final String COLLECTION = "reminders";

    enum Status {
        SCHEDULED, FIRING, SENT, CANCELLED
    }

    /** What a reminder is about, and the kind of notification (and preference) it gives. */
    enum Type {
        LESSON_OPENS(NotificationKind.LESSON_REMINDER),
        LESSON_DUE(NotificationKind.DEADLINE_REMINDER),
        INACTIVITY(NotificationKind.INACTIVITY_NUDGE),
        CHECKOUT(NotificationKind.CHECKOUT_REMINDER),
        CUSTOM(NotificationKind.COURSE_REMINDER);

        final NotificationKind kind;

        Type(NotificationKind kind) {
            this.kind = kind;
        }
    }

    /** A reminder to schedule; the parts of the lifecycle start empty. */
    static Reminder scheduled(String naturalKey, Type type, String courseId, String lessonId, String userId,
                              String enrollmentId, Instant anchor, List<String> courseIds, Notice notice,
                              boolean email, Instant fireAt, String createdBy, Instant createdAt) {
        return new Reminder(idOf(naturalKey), type, courseId, lessonId, userId, enrollmentId, anchor, courseIds, null,
                notice.title(), notice.text(), notice.link(), email, fireAt, Status.SCHEDULED, null, null, 0,
                createdBy, createdAt, null, null);
    }

    /** The copy for one recipient in quiet hours, due when their window ends. */
    Reminder heldFor(String recipient, Instant until) {
        String root = rootId();
        return new Reminder(idOf(root + ":" + recipient), type, courseId, lessonId, recipient, enrollmentId, anchor,
                courseIds, root, title, text, link, email, until, Status.SCHEDULED, null, null, 0, createdBy,
                createdAt, null, null);
    }

    /** The reminder the delivery is keyed on: the original of a held-back copy, else itself. */
    String rootId() {
        return parentId != null ? parentId : id;
    }

    Notice notice() {
        return new Notice(type.kind, title, text, link);
    }

    static String idOf(String naturalKey) {
        return UUID.nameUUIDFromBytes(("reminder:" + naturalKey).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
