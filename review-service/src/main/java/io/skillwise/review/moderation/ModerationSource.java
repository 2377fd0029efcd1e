package io.skillwise.review.moderation;

import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.kit.security.CurrentUser;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One kind of content in the moderation queue. Each kind keeps its queue state, reports and log in its own
 * documents; the queue merges the kinds. A new kind of content joins by implementing this.
 */
public interface ModerationSource {

    ModeratedContentKind kind();

    /** The first {@code limit} items in the queue, most reported first, then the longest waiting. */
    List<QueueItem> openItems(int limit);

    long countOpen();

    Optional<QueueItem> item(UUID contentId);

    /**
     * Applies a moderator's decision and logs it in the same write.
     *
     * @throws io.skillwise.kit.web.ApiException 404 for unknown content, 409 when the action does not fit its state
     */
    QueueItem decide(UUID contentId, ModerationAction action, String reason, CurrentUser moderator);

    /** The latest {@code limit} logged actions, newest first; of one moderator when {@code moderatorId} is given. */
    List<LoggedAction> actions(UUID moderatorId, int limit);

    long countActions(UUID moderatorId);
}
