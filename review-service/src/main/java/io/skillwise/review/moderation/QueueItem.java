package io.skillwise.review.moderation;

import io.skillwise.events.review.ModeratedContentKind;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

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
        @Schema(example = "Java for Beginners") String courseTitle,
        UUID instructorId,
        Author author,
        @Schema(allowableValues = {"PENDING", "VISIBLE", "HIDDEN", "REMOVED"}) String status,
        @Schema(example = "Great course, and cheaper at my-copies.example!") String text,
        @Schema(example = "5") Integer rating,
        @ArraySchema(schema = @Schema(example = "LINK")) List<String> flags,
        @Schema(example = "Advertising") String hiddenReason,
        boolean open,
        @Schema(description = "Open reports", example = "3") int reportCount,
        @Schema(example = "4") int totalReports,
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
     * the moderator's app calls (review-service itself makes no call). Named in the API document, where reviews'
     * {@code Author} (without the link) would otherwise share one component with it.
     */
    @Schema(name = "ModeratedAuthor")
    public record Author(UUID id, @Schema(example = "Grace Hopper") String displayName, Link suspend) {

        public static Author of(UUID id, String displayName) {
            return new Author(id, displayName,
                    new Link("PATCH", "/api/v1/users/" + id, Map.of("enabled", false)));
        }
    }

    /** A request the client can make: method, path under the gateway, JSON body. */
    public record Link(@Schema(example = "PATCH") String method,
                       @Schema(example = "/api/v1/users/7c9e6679-7425-40de-944b-e07fc1f90ae7") String href,
                       @Schema(example = "{\"enabled\": false}") Map<String, Object> body) {
    }
}
