package io.skillwise.notification.discussion;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A discussion thread of a course, or of one of its lessons when {@code lessonId} is set. Its opening message is its
 * first post ({@code openingPostId}), so it can be edited, reported and moderated like any other post.
 *
 * @param replyCount   posts after the opening one, deleted and moderated ones included
 * @param answerPostId the post the course's instructor marked as the answer, or null
 * @param followers    who is told of new posts: the thread's author and everybody who posted in it follow it until
 *                     they unfollow
 */
@Document(DiscussionThread.COLLECTION)
record DiscussionThread(@Id String id, String courseId, String lessonId, String authorId, String title,
                        String openingPostId, Instant createdAt, Instant lastPostAt, int replyCount, boolean pinned,
                        boolean locked, String answerPostId, List<String> followers) {

    static final String COLLECTION = "discussion_threads";

    boolean followedBy(String userId) {
        return followers != null && followers.contains(userId);
    }
}
