package io.skillwise.notification.discussion;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.notification.discussion.DiscussionViews.EditPostRequest;
import io.skillwise.notification.discussion.DiscussionViews.PostView;
import io.skillwise.notification.discussion.DiscussionViews.ReportPostRequest;
import io.skillwise.notification.discussion.DiscussionViews.WritePostRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The posts of a discussion thread: write, read, edit, delete, report. */
@RestController
@Tag(name = "Discussions", description = "Threads and posts of a course's learners and its instructor")
class PostController {

    private static final String NOT_READER = "Neither a learner with access to the course, its instructor nor an admin";

    private final PostService posts;

    PostController(PostService posts) {
        this.posts = posts;
    }

    @OwnedObject("the course's learners, its instructor, or an admin")
    @GetMapping("/api/v1/threads/{threadId}/posts")
    @Operation(summary = "List a thread's posts", description = "Oldest first, the opening post first of all. A post "
            + "a moderator hid is shown only to its author (with the reason) and admins; removed and deleted posts "
            + "are gone.")
    @ApiResponse(responseCode = "200", description = "One page of posts")
    @ApiResponse(responseCode = "400", description = "page below 0, size outside 1..100, or the id is not a UUID")
    @ApiResponse(responseCode = "403", description = NOT_READER)
    @ApiResponse(responseCode = "404", description = "No such thread")
    PageView<PostView> list(@PathVariable UUID threadId, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        return posts.list(CurrentUser.require(), threadId, page, size);
    }

    @OwnedObject("the course's learners and its instructor")
    @PostMapping("/api/v1/threads/{threadId}/posts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post in a thread", description = "For the course's learners with access and its "
            + "instructor, while the thread is not locked; `replyTo` answers one post of the thread. The author "
            + "follows the thread from now on; its other followers are told in the app.")
    @ApiResponse(responseCode = "201", description = "The post")
    @ApiResponse(responseCode = "400", description = "Body missing or over 10,000 characters, `replyTo` not a visible post of this thread, an unknown field, or an id is not a UUID")
    @ApiResponse(responseCode = "403", description = "Neither a learner with access to the course nor its instructor")
    @ApiResponse(responseCode = "404", description = "No such thread")
    @ApiResponse(responseCode = "409", description = "The thread is locked")
    PostView write(@PathVariable UUID threadId, @Valid @RequestBody WritePostRequest request) {
        return posts.write(CurrentUser.require(), threadId, request);
    }

    @OwnedObject("the course's learners, its instructor, or an admin")
    @GetMapping("/api/v1/posts/{postId}")
    @Operation(summary = "Read one post", description = "Where a DISCUSSION_POST notification links to; the same "
            + "readers as its thread.")
    @ApiResponse(responseCode = "200", description = "The post")
    @ApiResponse(responseCode = "403", description = NOT_READER)
    @ApiResponse(responseCode = "404", description = "No such post, or it was removed, deleted or hidden from the caller")
    PostView get(@PathVariable UUID postId) {
        return posts.get(CurrentUser.require(), postId);
    }

    @OwnedObject("the post's author")
    @PatchMapping("/api/v1/posts/{postId}")
    @Operation(summary = "Edit one's own post", description = "Only its author, while it is visible and its thread "
            + "is not locked; `editedAt` says when.")
    @ApiResponse(responseCode = "200", description = "The post as it is now")
    @ApiResponse(responseCode = "400", description = "Body missing or over 10,000 characters, an unknown field, or the id is not a UUID")
    @ApiResponse(responseCode = "403", description = "Not the post's author, or no access to the course")
    @ApiResponse(responseCode = "404", description = "No such post, or it was removed, deleted or hidden from the caller")
    @ApiResponse(responseCode = "409", description = "The thread is locked, or the post is hidden")
    PostView edit(@PathVariable UUID postId, @Valid @RequestBody EditPostRequest request) {
        return posts.edit(CurrentUser.require(), postId, request);
    }

    @OwnedObject("the post's author, the course's instructor, or an admin")
    @DeleteMapping("/api/v1/posts/{postId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a post", description = "Its author, the course's instructor or an admin. Its text "
            + "is gone for good; the thread and the other posts stay.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "Neither the post's author, the instructor nor an admin")
    @ApiResponse(responseCode = "404", description = "No such post, or it was removed, deleted or hidden from the caller")
    void delete(@PathVariable UUID postId) {
        posts.delete(CurrentUser.require(), postId);
    }

    @OwnedObject("the course's learners and its instructor")
    @PostMapping("/api/v1/posts/{postId}/report")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Report a post to the moderators", description = "Any reader of the thread, once per post, "
            + "not their own. The post joins the moderation queue of reviews (`GET /admin/reports?kind="
            + "DISCUSSION_POST`); a moderator's decision to hide or remove it applies here shortly after.")
    @ApiResponse(responseCode = "202", description = "Reported; the moderators will look at it")
    @ApiResponse(responseCode = "400", description = "Reason missing or over 500 characters, an unknown field, or the id is not a UUID")
    @ApiResponse(responseCode = "403", description = NOT_READER)
    @ApiResponse(responseCode = "404", description = "No such post, or it was removed, deleted or hidden")
    @ApiResponse(responseCode = "409", description = "The caller reported it already, or it is their own post")
    void report(@PathVariable UUID postId, @Valid @RequestBody ReportPostRequest request) {
        posts.report(CurrentUser.require(), postId, request);
    }
}
