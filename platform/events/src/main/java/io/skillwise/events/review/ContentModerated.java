package io.skillwise.events.review;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A moderator decided about a review or a discussion post in review-service's moderation queue. The service that
 * owns the content applies the decision (notification-service hides or removes a post); the author is told.
 *
 * <p>Visibility changes of reviews also travel as {@link ReviewPosted}/{@link ReviewRemoved} and
 * {@link CourseRatingChanged}; this event is the moderation record, for the author and for other content kinds.
 *
 * @param contentKind  what was moderated
 * @param contentId    the review id or the discussion post id
 * @param courseId     the course the content belongs to (also the record key)
 * @param instructorId the instructor who owns the course
 * @param authorId     who wrote the content
 * @param decision     what the moderator decided
 * @param reason       the reason shown to the author; absent for an approval without comment
 * @param moderatorId  the admin who decided
 * @param occurredAt   when the decision was taken
 */
public record ContentModerated(
        ModeratedContentKind contentKind,
        UUID contentId,
        UUID courseId,
        UUID instructorId,
        UUID authorId,
        ModerationDecision decision,
        String reason,
        UUID moderatorId,
        Instant occurredAt) implements ReviewEvent {

    public ContentModerated {
        requireNonNull(contentKind, "contentKind");
        requireNonNull(contentId, "contentId");
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(authorId, "authorId");
        requireNonNull(decision, "decision");
        requireNonNull(moderatorId, "moderatorId");
        requireNonNull(occurredAt, "occurredAt");
    }
}
