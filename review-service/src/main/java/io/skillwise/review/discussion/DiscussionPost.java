package io.skillwise.review.discussion;

import io.skillwise.events.review.ContentModerated;
import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.review.moderation.DecisionConflict;
import io.skillwise.review.moderation.ModerationAction;
import io.skillwise.review.moderation.ModerationLogEntry;
import io.skillwise.review.moderation.ModerationState;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A discussion post of notification-service as the moderation queue knows it: from {@code DiscussionPostReported},
 * with the excerpt the reporters saw. Decisions go back to notification-service as {@code ContentModerated}. Reports
 * and the moderation log live in the same document, outside this record.
 *
 * @param excerpt the post's text as it read at the latest report
 * @param version bumped by every write, reports included
 */
@Document(DiscussionPost.COLLECTION)
public record DiscussionPost(
        @Id UUID id,
        UUID threadId,
        UUID courseId,
        UUID instructorId,
        UUID authorId,
        String excerpt,
        PostStatus status,
        String hiddenReason,
        ModerationState moderation,
        long version,
        Instant createdAt,
        Instant changedAt) {

    public static final String COLLECTION = "discussion_posts";

    public DiscussionPost {
        moderation = moderation == null ? ModerationState.none() : moderation;
    }

    /** A moderator's decision: the post after it, and what notification-service is told. */
    Decision moderate(ModerationAction action, UUID moderatorId, String reason, Instant now) {
        PostStatus next = switch (action) {
            case APPROVE -> require(status == PostStatus.VISIBLE && moderation.open(), "approved", PostStatus.VISIBLE);
            case HIDE -> require(status == PostStatus.VISIBLE, "hidden", PostStatus.HIDDEN);
            case REMOVE -> require(status != PostStatus.REMOVED, "removed", PostStatus.REMOVED);
            case RESTORE -> require(status == PostStatus.HIDDEN, "restored", PostStatus.VISIBLE);
        };
        DiscussionPost after = new DiscussionPost(id, threadId, courseId, instructorId, authorId, excerpt, next,
                next == PostStatus.HIDDEN ? reason : null, moderation.decided(now), version, createdAt, now);
        return new Decision(this, after, new ModerationLogEntry(action, moderatorId, reason, now),
                new ContentModerated(ModeratedContentKind.DISCUSSION_POST, id, courseId, instructorId, authorId,
                        action.decision(), reason, moderatorId, now));
    }

    private PostStatus require(boolean allowed, String done, PostStatus next) {
        if (!allowed) {
            throw new DecisionConflict("a " + status.name().toLowerCase(Locale.ROOT)
                    + " post cannot be " + done + (done.equals("approved") ? " unless it is in the queue" : ""));
        }
        return next;
    }

    record Decision(DiscussionPost before, DiscussionPost after, ModerationLogEntry logged, ContentModerated event) {
    }
}
