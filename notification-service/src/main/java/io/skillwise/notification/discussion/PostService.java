package io.skillwise.notification.discussion;

import io.skillwise.events.notification.DiscussionPostReported;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.notification.discussion.DiscussionAccess.Participant;
import io.skillwise.notification.discussion.DiscussionPost.Status;
import io.skillwise.notification.discussion.DiscussionViews.EditPostRequest;
import io.skillwise.notification.discussion.DiscussionViews.PostView;
import io.skillwise.notification.discussion.DiscussionViews.ReportPostRequest;
import io.skillwise.notification.discussion.DiscussionViews.WritePostRequest;
import io.skillwise.notification.replica.User;
import io.skillwise.notification.replica.UserReplica;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The posts of a thread: written by the course's learners and instructor, each edited by its author, deleted by its
 * author, the instructor or an admin, reported by any reader to the moderation queue of review-service.
 */
@Service
class PostService {

    private final PostRepository posts;
    private final ThreadRepository threads;
    private final DiscussionAccess access;
    private final UserReplica users;
    private final FollowerNotifier notifier;
    private final Clock clock;

    PostService(PostRepository posts, ThreadRepository threads, DiscussionAccess access, UserReplica users,
                FollowerNotifier notifier, Clock clock) {
        this.posts = posts;
        this.threads = threads;
        this.access = access;
        this.users = users;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Oldest first; hidden posts only for their author and admins, removed and deleted ones for nobody. */
    PageView<PostView> list(CurrentUser caller, UUID threadId, int page, int size) {
        PageView.check(page, size);
        DiscussionThread thread = thread(threadId);
        Participant reader = access.reader(caller, UUID.fromString(thread.courseId()));
        Criteria visible = reader.isAdmin() ? where("status").in(Status.VISIBLE, Status.HIDDEN)
                : new Criteria().orOperator(where("status").is(Status.VISIBLE),
                        where("status").is(Status.HIDDEN).and("authorId").is(reader.id()));
        List<DiscussionPost> found = posts.page(thread.id(), visible, page, size);
        return PageView.of(views(found, thread, reader), page, size, posts.count(thread.id(), visible));
    }

    /** A new post in an unlocked thread; its author follows the thread and its other followers are told. */
    PostView write(CurrentUser caller, UUID threadId, WritePostRequest request) {
        DiscussionThread thread = thread(threadId);
        Participant author = access.writer(caller, UUID.fromString(thread.courseId()));
        requireUnlocked(thread);
        if (request.replyTo() != null && posts.find(request.replyTo())
                .filter(post -> post.threadId().equals(thread.id()) && post.status() == Status.VISIBLE).isEmpty()) {
            throw ApiException.badRequest("replyTo is not a visible post of this thread");
        }
        Instant now = clock.instant();
        DiscussionPost post = posts.insert(new DiscussionPost(UUID.randomUUID().toString(), thread.id(),
                thread.courseId(), author.id(), request.replyTo() == null ? null : request.replyTo().toString(),
                request.body().strip(), Status.VISIBLE, null, now, null, List.of(), false));
        threads.recordReply(thread.id(), author.id(), now);
        notifier.wake();
        return view(post, thread, author);
    }

    PostView get(CurrentUser caller, UUID postId) {
        Located located = locate(caller, postId);
        return view(located.post(), located.thread(), located.reader());
    }

    /** Only the author edits, while the post is visible and the thread unlocked. */
    PostView edit(CurrentUser caller, UUID postId, EditPostRequest request) {
        Located located = locate(caller, postId);
        if (!located.post().authorId().equals(located.reader().id())) {
            throw ApiException.forbidden("only its author edits a post");
        }
        requireUnlocked(located.thread());
        DiscussionPost edited = posts.edit(located.post().id(), located.reader().id(), request.body().strip(),
                clock.instant()).orElseThrow(() -> ApiException.conflict("the post was hidden or deleted meanwhile"));
        return view(edited, located.thread(), located.reader());
    }

    /** Its author, the course's instructor or an admin deletes a post; its text is gone, the thread stays. */
    void delete(CurrentUser caller, UUID postId) {
        Located located = locate(caller, postId);
        if (!located.post().authorId().equals(located.reader().id()) && !located.reader().moderates()) {
            throw ApiException.forbidden("only its author, the course's instructor and admins delete a post");
        }
        posts.delete(located.post().id(), clock.instant());
    }

    /**
     * Reports a visible post of somebody else, once per reader: the report and its {@code DiscussionPostReported}
     * are one write (the post's outbox), and review-service puts the post into its moderation queue.
     */
    void report(CurrentUser caller, UUID postId, ReportPostRequest request) {
        Located located = locate(caller, postId);
        DiscussionPost post = located.post();
        if (post.status() != Status.VISIBLE) {
            throw ApiException.notFound("post");
        }
        if (post.authorId().equals(located.reader().id())) {
            throw ApiException.conflict("you cannot report your own post");
        }
        String excerpt = post.body().length() <= DiscussionPostReported.MAX_EXCERPT ? post.body()
                : post.body().substring(0, DiscussionPostReported.MAX_EXCERPT);
        DiscussionPostReported reported = new DiscussionPostReported(UUID.fromString(post.id()),
                UUID.fromString(post.threadId()), UUID.fromString(post.courseId()),
                located.reader().course().instructorId(), UUID.fromString(post.authorId()), caller.id(),
                request.reason().strip(), excerpt, clock.instant());
        if (!posts.report(reported)) {
            throw ApiException.conflict("you reported this post already, or it was hidden or deleted meanwhile");
        }
    }

    /** The post, its thread and the caller's place in the course; 404 for a post the caller may not see. */
    private Located locate(CurrentUser caller, UUID postId) {
        DiscussionPost post = posts.find(postId).orElseThrow(() -> ApiException.notFound("post"));
        DiscussionThread thread = threads.find(UUID.fromString(post.threadId()))
                .orElseThrow(() -> ApiException.notFound("post"));
        Participant reader = access.reader(caller, UUID.fromString(thread.courseId()));
        boolean seen = post.status() == Status.VISIBLE || post.status() == Status.HIDDEN
                && (reader.isAdmin() || post.authorId().equals(reader.id()));
        if (!seen) {
            throw ApiException.notFound("post");
        }
        return new Located(post, thread, reader);
    }

    private DiscussionThread thread(UUID threadId) {
        return threads.find(threadId).orElseThrow(() -> ApiException.notFound("thread"));
    }

    private static void requireUnlocked(DiscussionThread thread) {
        if (thread.locked()) {
            throw ApiException.conflict("the thread is locked");
        }
    }

    private PostView view(DiscussionPost post, DiscussionThread thread, Participant reader) {
        return views(List.of(post), thread, reader).getFirst();
    }

    private List<PostView> views(List<DiscussionPost> found, DiscussionThread thread, Participant reader) {
        Map<UUID, User> authors = users.findAll(found.stream().map(post -> UUID.fromString(post.authorId()))
                .distinct().toList());
        UUID instructorId = reader.course().instructorId();
        return found.stream().map(post -> {
            User author = authors.get(UUID.fromString(post.authorId()));
            return PostView.of(post, thread, instructorId, author == null ? null : author.displayName());
        }).toList();
    }

    private record Located(DiscussionPost post, DiscussionThread thread, Participant reader) {
    }
}
