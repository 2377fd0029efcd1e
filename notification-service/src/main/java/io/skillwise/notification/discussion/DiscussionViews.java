package io.skillwise.notification.discussion;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** What the discussion endpoints take and answer. */
final class DiscussionViews {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 10_000;
    static final int MAX_REASON = 500;

    private DiscussionViews() {
    }

    record StartThreadRequest(
            @Schema(description = "One line: what the thread is about", example = "How do closures capture variables?")
            @NotBlank @Size(max = MAX_TITLE) String title,
            @Schema(description = "The opening message; line breaks are kept", example = "In lesson 4 the example ...")
            @NotBlank @Size(max = MAX_BODY) String body,
            @Schema(description = "The lesson the thread is about; absent for a thread about the whole course")
            UUID lessonId) {
    }

    record WritePostRequest(
            @Schema(description = "The text; line breaks are kept", example = "It captures the variable, not its value.")
            @NotBlank @Size(max = MAX_BODY) String body,
            @Schema(description = "The post of the same thread this one answers; absent for a reply to the thread")
            UUID replyTo) {
    }

    record EditPostRequest(
            @Schema(description = "The new text", example = "It captures the variable itself, not a copy of its value.")
            @NotBlank @Size(max = MAX_BODY) String body) {
    }

    @Schema(description = "Give only what changes. `title`: the thread's author; `pinned`, `locked` and "
            + "`answerPostId`: the course's instructor and admins")
    record UpdateThreadRequest(
            @Schema(description = "A new title", example = "How do closures capture loop variables?") @Size(min = 1, max = MAX_TITLE) String title,
            @Schema(description = "Pinned threads are listed first") Boolean pinned,
            @Schema(description = "A locked thread takes no new posts and no edits") Boolean locked,
            @Schema(description = "A visible reply of this thread that answers it") UUID answerPostId) {

        boolean isEmpty() {
            return title == null && pinned == null && locked == null && answerPostId == null;
        }

        boolean moderates() {
            return pinned != null || locked != null || answerPostId != null;
        }
    }

    record ReportPostRequest(
            @Schema(description = "Why the post should be looked at, for the moderators", example = "Advertising")
            @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    record ThreadView(UUID id, UUID courseId,
                      @Schema(description = "The lesson it is about; absent for a course-wide thread") UUID lessonId,
                      UUID authorId, @Schema(example = "How do closures capture variables?") String title,
                      @Schema(description = "The thread's first post, its opening message") UUID openingPostId,
                      Instant createdAt, Instant lastPostAt,
                      @Schema(description = "Posts after the opening one", example = "4") int replyCount,
                      boolean pinned, boolean locked,
                      @Schema(description = "The post the instructor marked as the answer") UUID answerPostId,
                      @Schema(description = "Whether the caller is told of new posts") boolean following) {

        static ThreadView of(DiscussionThread thread, String viewerId) {
            return new ThreadView(UUID.fromString(thread.id()), UUID.fromString(thread.courseId()),
                    uuid(thread.lessonId()), UUID.fromString(thread.authorId()), thread.title(),
                    UUID.fromString(thread.openingPostId()), thread.createdAt(), thread.lastPostAt(),
                    thread.replyCount(), thread.pinned(), thread.locked(), uuid(thread.answerPostId()),
                    thread.followedBy(viewerId));
        }
    }

    record PostView(UUID id, UUID threadId, UUID courseId, UUID authorId,
                    @Schema(description = "The author's display name, when known", example = "Grace Hopper")
                    String authorName,
                    @Schema(description = "Written by the course's instructor") boolean byInstructor,
                    @Schema(description = "The post this one answers") UUID replyTo,
                    @Schema(example = "It captures the variable, not its value.") String body,
                    @Schema(description = "VISIBLE, or HIDDEN by a moderator (shown to its author and admins only)",
                            allowableValues = {"VISIBLE", "HIDDEN"})
                    String status,
                    @Schema(description = "The moderator's reason while HIDDEN", example = "Advertising")
                    String hiddenReason,
                    @Schema(description = "Marked as the thread's answer") boolean answer,
                    Instant createdAt,
                    @Schema(description = "When it was last edited; absent if never") Instant editedAt) {

        static PostView of(DiscussionPost post, DiscussionThread thread, UUID instructorId, String authorName) {
            return new PostView(UUID.fromString(post.id()), UUID.fromString(post.threadId()),
                    UUID.fromString(post.courseId()), UUID.fromString(post.authorId()), authorName,
                    instructorId.toString().equals(post.authorId()), uuid(post.replyTo()), post.body(),
                    post.status().name(), post.hiddenReason(), post.id().equals(thread.answerPostId()),
                    post.createdAt(), post.editedAt());
        }
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
