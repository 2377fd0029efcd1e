package io.skillwise.notification.discussion;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.notification.discussion.DiscussionViews.StartThreadRequest;
import io.skillwise.notification.discussion.DiscussionViews.ThreadView;
import io.skillwise.notification.discussion.DiscussionViews.UpdateThreadRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * A course's discussion threads: start, list, read, moderate, follow. The kit documents the 400 (unreadable input),
 * 401 and 403 (token) every route can give; these operations document their own.
 */
@RestController
@Tag(name = "Discussions", description = "Threads and posts of a course's learners and its instructor")
class ThreadController {

    private static final String NOT_READER = "Neither a learner with access to the course, its instructor nor an admin";

    private final ThreadService threads;

    ThreadController(ThreadService threads) {
        this.threads = threads;
    }

    @OwnedObject("the course's learners and its instructor")
    @PostMapping("/api/v1/courses/{courseId}/threads")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a discussion thread in a course",
            description = "For the course's learners with access (active or completed) and its instructor. The body "
                    + "is the thread's opening post; with `lessonId` the thread is about that lesson. The author "
                    + "follows the thread: they are told in the app about every new post.")
    @ApiResponse(responseCode = "201", description = "The thread")
    @ApiResponse(responseCode = "400", description = "Title missing or over 200 characters, body missing or over 10,000, an unknown field, or an id is not a UUID")
    @ApiResponse(responseCode = "403", description = "Neither a learner with access to the course nor its instructor")
    @ApiResponse(responseCode = "404", description = "No such course")
    ThreadView start(@PathVariable UUID courseId, @Valid @RequestBody StartThreadRequest request) {
        return threads.start(CurrentUser.require(), courseId, request);
    }

    @OwnedObject("the course's learners, its instructor, or an admin")
    @GetMapping("/api/v1/courses/{courseId}/threads")
    @Operation(summary = "List a course's discussion threads",
            description = "Pinned threads first, then the most recently active. With `lessonId` only the threads "
                    + "about that lesson. For the course's learners with access, its instructor and admins.")
    @ApiResponse(responseCode = "200", description = "One page of threads")
    @ApiResponse(responseCode = "400", description = "page below 0, size outside 1..100, or an id is not a UUID")
    @ApiResponse(responseCode = "403", description = NOT_READER)
    @ApiResponse(responseCode = "404", description = "No such course")
    PageView<ThreadView> list(@PathVariable UUID courseId,
                              @Parameter(description = "Only the threads about this lesson")
                              @RequestParam(required = false) UUID lessonId,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size) {
        return threads.list(CurrentUser.require(), courseId, lessonId, page, size);
    }

    @OwnedObject("the course's learners, its instructor, or an admin")
    @GetMapping("/api/v1/threads/{threadId}")
    @Operation(summary = "Read a discussion thread", description = "Its title, state and counts; its posts are at "
            + "`/threads/{threadId}/posts`. The same readers as the course's list.")
    @ApiResponse(responseCode = "200", description = "The thread")
    @ApiResponse(responseCode = "403", description = NOT_READER)
    @ApiResponse(responseCode = "404", description = "No such thread")
    ThreadView get(@PathVariable UUID threadId) {
        return threads.get(CurrentUser.require(), threadId);
    }

    @OwnedObject("the thread's author, the course's instructor, or an admin")
    @PatchMapping("/api/v1/threads/{threadId}")
    @Operation(summary = "Retitle, pin, lock or mark the answer of a thread",
            description = "Give only what changes. The thread's author changes its `title`; the course's instructor "
                    + "and admins set `pinned`, `locked` (a locked thread takes no new posts and no edits) and "
                    + "`answerPostId` (a visible reply of this thread). Nothing changes unless all of it may.")
    @ApiResponse(responseCode = "200", description = "The thread as it is now")
    @ApiResponse(responseCode = "400", description = "Nothing to change, a blank or too long title, an answer that is not a visible reply of this thread, an unknown field, or the id is not a UUID")
    @ApiResponse(responseCode = "403", description = "A title by someone other than the thread's author, or pinning, locking or marking by someone other than the instructor or an admin")
    @ApiResponse(responseCode = "404", description = "No such thread")
    ThreadView update(@PathVariable UUID threadId, @Valid @RequestBody UpdateThreadRequest request) {
        return threads.update(CurrentUser.require(), threadId, request);
    }

    @OwnedObject("the course's learners, its instructor, or an admin")
    @PutMapping("/api/v1/threads/{threadId}/follow")
    @Operation(summary = "Follow a thread", description = "The caller is told in the app about every new post in "
            + "it (kind DISCUSSION_POST). Following twice is following.")
    @ApiResponse(responseCode = "200", description = "The thread, `following: true`")
    @ApiResponse(responseCode = "403", description = NOT_READER)
    @ApiResponse(responseCode = "404", description = "No such thread")
    ThreadView follow(@PathVariable UUID threadId) {
        return threads.follow(CurrentUser.require(), threadId, true);
    }

    @OwnedObject("the course's learners, its instructor, or an admin")
    @DeleteMapping("/api/v1/threads/{threadId}/follow")
    @Operation(summary = "Stop following a thread", description = "No more notices about its new posts, until the "
            + "caller follows it again or posts in it.")
    @ApiResponse(responseCode = "200", description = "The thread, `following: false`")
    @ApiResponse(responseCode = "403", description = NOT_READER)
    @ApiResponse(responseCode = "404", description = "No such thread")
    ThreadView unfollow(@PathVariable UUID threadId) {
        return threads.follow(CurrentUser.require(), threadId, false);
    }
}
