package io.skillwise.notification.discussion;

import io.skillwise.events.review.ContentModerated;
import io.skillwise.kit.messaging.IncomingEvent;
import io.skillwise.notification.discussion.DiscussionPost.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Applies what others decided about posts. A moderator's decision is applied once per event (the post remembers the
 * events applied to it) and only from a status it can apply to, so a late or repeated decision changes nothing:
 * HIDDEN hides a visible post, RESTORED shows a hidden one again, REMOVED removes a visible or hidden one for good,
 * APPROVED keeps it as it is. The author learns of the decision from the notices (kind CONTENT_MODERATED).
 */
@Service
class DiscussionModeration {

    private static final Logger log = LoggerFactory.getLogger(DiscussionModeration.class);

    private final PostRepository posts;
    private final ThreadRepository threads;
    private final Clock clock;

    DiscussionModeration(PostRepository posts, ThreadRepository threads, Clock clock) {
        this.posts = posts;
        this.threads = threads;
        this.clock = clock;
    }

    void decided(IncomingEvent incoming, ContentModerated moderated) {
        UUID postId = moderated.contentId();
        boolean applied = switch (moderated.decision()) {
            case HIDDEN -> posts.moderate(incoming, postId, List.of(Status.VISIBLE),
                    new Update().set("status", Status.HIDDEN).set("hiddenReason", moderated.reason()));
            case RESTORED -> posts.moderate(incoming, postId, List.of(Status.HIDDEN),
                    new Update().set("status", Status.VISIBLE).unset("hiddenReason"));
            case REMOVED -> posts.moderate(incoming, postId, List.of(Status.VISIBLE, Status.HIDDEN),
                    new Update().set("status", Status.REMOVED).unset("body").unset("hiddenReason"));
            case APPROVED -> false;
        };
        log.info("moderator decision {} on discussion post {}: {}", moderated.decision(), postId,
                applied ? "applied" : "nothing to change");
    }

    /** A deleted account's posts lose their text and it follows nothing any more. */
    void forget(UUID userId) {
        long erased = posts.forget(userId.toString(), clock.instant());
        threads.forget(userId.toString());
        log.info("erased {} discussion posts of user {}", erased, userId);
    }
}
