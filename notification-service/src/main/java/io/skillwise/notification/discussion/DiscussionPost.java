package io.skillwise.notification.discussion;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One post of a discussion thread. Reporting it pushes {@code DiscussionPostReported} onto the post's own outbox in
 * the same update that records the reporter (the kit's {@code MongoOutbox}); a moderator's decision comes back as
 * {@code ContentModerated} and is applied once (the kit's {@code MongoInbox}, on this document).
 *
 * @param replyTo      the post this one answers, in the same thread, or null
 * @param body         the text; null once the post is deleted or removed
 * @param hiddenReason the moderator's reason while HIDDEN, shown to the author
 * @param reporters    who reported it (each user once)
 * @param notified     whether the thread's followers have been told about it ({@link FollowerNotifier})
 */
@Document(DiscussionPost.COLLECTION)
record DiscussionPost(@Id String id, String threadId, String courseId, String authorId, String replyTo, String body,
                      Status status, String hiddenReason, Instant createdAt, Instant editedAt, List<String> reporters,
                      boolean notified) {

    static final String COLLECTION = "discussion_posts";

    enum Status {
        /** Shown to everybody who reads the thread. */
        VISIBLE,
        /** Hidden by a moderator: only its author (with the reason) and admins see it; it can be restored. */
        HIDDEN,
        /** Removed by a moderator for good: nobody sees it. */
        REMOVED,
        /** Deleted by its author, the course's instructor or an admin, or with its author's account. */
        DELETED
    }
}
