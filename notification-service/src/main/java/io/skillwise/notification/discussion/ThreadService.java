package io.skillwise.notification.discussion;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.notification.discussion.DiscussionAccess.Participant;
import io.skillwise.notification.discussion.DiscussionViews.StartThreadRequest;
import io.skillwise.notification.discussion.DiscussionViews.ThreadView;
import io.skillwise.notification.discussion.DiscussionViews.UpdateThreadRequest;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A course's discussion threads: started by its learners and instructor, moderated by the instructor and admins. */
@Service
class ThreadService {

    private final ThreadRepository threads;
    private final PostRepository posts;
    private final DiscussionAccess access;
    private final Clock clock;

    ThreadService(ThreadRepository threads, PostRepository posts, DiscussionAccess access, Clock clock) {
        this.threads = threads;
        this.posts = posts;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Stores the opening post first and the thread after it: a failure in between leaves a post no thread shows,
     * never a thread without its message. The author follows the thread.
     */
    ThreadView start(CurrentUser caller, UUID courseId, StartThreadRequest request) {
        Participant author = access.writer(caller, courseId);
        Instant now = clock.instant();
        String threadId = UUID.randomUUID().toString();
        DiscussionPost opening = posts.insert(new DiscussionPost(UUID.randomUUID().toString(), threadId,
                courseId.toString(), author.id(), null, request.body().strip(), DiscussionPost.Status.VISIBLE, null,
                now, null, List.of(), true));
        DiscussionThread thread = threads.insert(new DiscussionThread(threadId, courseId.toString(),
                request.lessonId() == null ? null : request.lessonId().toString(), author.id(),
                request.title().strip(), opening.id(), now, now, 0, false, false, null, List.of(author.id())));
        return ThreadView.of(thread, author.id());
    }

    PageView<ThreadView> list(CurrentUser caller, UUID courseId, UUID lessonId, int page, int size) {
        PageView.check(page, size);
        Participant reader = access.reader(caller, courseId);
        List<ThreadView> items = threads.page(courseId, lessonId, page, size).stream()
                .map(thread -> ThreadView.of(thread, reader.id())).toList();
        return PageView.of(items, page, size, threads.count(courseId, lessonId));
    }

    ThreadView get(CurrentUser caller, UUID threadId) {
        DiscussionThread thread = find(threadId);
        return ThreadView.of(thread, access.reader(caller, UUID.fromString(thread.courseId())).id());
    }

    /** The author retitles; the instructor and admins pin, lock and mark the answer. All checked before any change. */
    ThreadView update(CurrentUser caller, UUID threadId, UpdateThreadRequest request) {
        if (request.isEmpty()) {
            throw ApiException.badRequest("give at least one of title, pinned, locked, answerPostId");
        }
        DiscussionThread thread = find(threadId);
        Participant participant = access.reader(caller, UUID.fromString(thread.courseId()));
        Update update = new Update();
        if (request.title() != null) {
            if (!thread.authorId().equals(participant.id())) {
                throw ApiException.forbidden("only the thread's author changes its title");
            }
            if (request.title().isBlank()) {
                throw ApiException.badRequest("title must not be blank");
            }
            update.set("title", request.title().strip());
        }
        if (request.moderates()) {
            participant.requireModerator();
        }
        if (request.pinned() != null) {
            update.set("pinned", request.pinned());
        }
        if (request.locked() != null) {
            update.set("locked", request.locked());
        }
        if (request.answerPostId() != null) {
            requireAnswerable(thread, request.answerPostId());
            update.set("answerPostId", request.answerPostId().toString());
        }
        return ThreadView.of(threads.update(thread.id(), update), participant.id());
    }

    ThreadView follow(CurrentUser caller, UUID threadId, boolean follow) {
        DiscussionThread thread = find(threadId);
        Participant reader = access.reader(caller, UUID.fromString(thread.courseId()));
        return ThreadView.of(threads.follow(thread.id(), reader.id(), follow), reader.id());
    }

    private DiscussionThread find(UUID threadId) {
        return threads.find(threadId).orElseThrow(() -> ApiException.notFound("thread"));
    }

    /** An answer is a visible reply of this very thread (the opening message asks; it does not answer). */
    private void requireAnswerable(DiscussionThread thread, UUID postId) {
        boolean answerable = posts.find(postId)
                .filter(post -> post.threadId().equals(thread.id()) && !post.id().equals(thread.openingPostId())
                        && post.status() == DiscussionPost.Status.VISIBLE)
                .isPresent();
        if (!answerable) {
            throw ApiException.badRequest("answerPostId is not a visible reply of this thread");
        }
    }
}
