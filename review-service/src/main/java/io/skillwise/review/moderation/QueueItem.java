package io.skillwise.review.moderation;

import io.skillwise.events.review.ModeratedContentKind;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One piece of content in the moderation queue, whatever its kind.
 *
 * @param status       the content's state (PENDING, VISIBLE, HIDDEN, REMOVED)
 * @param text         what the content says: a review's comment, the reported excerpt of a post
 * @param rating       a review's stars; absent for other kinds
 * @param flags        why screening held it back; empty when it was reported only
 * @param hiddenReason the reason the author was given when it was hidden
 * @param reports      who reported it, why and when, oldest first
 * @param actions      what moderators did, oldest first
 */
public record QueueItem(
        ModeratedContentKind kind,
        UUID contentId,
        UUID courseId,
        String courseTitle,
        UUID instructorId,
        Author author,
        String status,
        String text,
        Integer rating,
        List<String> flags,
        String hiddenReason,
        boolean open,
        int reportCount,
        int totalReports,
        Instant openedAt,
        Instant lastReportedAt,
        Instant createdAt,
        List<Report> reports,
        List<ModerationLogEntry> actions) {

    /** Most reported first; among equals, the one waiting longest. */
    public static final Comparator<QueueItem> QUEUE_ORDER = Comparator
            .comparingInt(QueueItem::reportCount).reversed()
            .thenComparing(QueueItem::openedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(QueueItem::contentId);

    /**
     * The content's author, with the way to suspend the account: identity-service's existing admin endpoint, which
     * the moderator's app calls (review-service itself makes no call).
     */
    public record Author(UUID id, String displayName, Link suspend) {

        public static Author of(UUID id, String displayName) {
            return new Author(id, displayName,
                    new Link("PATCH", "/api/v1/users/" + id, Map.of("enabled", false)));
        }
    }

    /** A request the client can make: method, path under the gateway, JSON body. */
    public record Link(String method, String href, Map<String, Object> body) {
    }
}
