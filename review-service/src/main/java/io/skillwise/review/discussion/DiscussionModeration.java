package io.skillwise.review.discussion;

import io.skillwise.events.notification.DiscussionPostReported;
import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.kit.messaging.IncomingEvent;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.review.moderation.DecisionConflict;
import io.skillwise.review.moderation.LoggedAction;
import io.skillwise.review.moderation.ModerationAction;
import io.skillwise.review.moderation.ModerationCase;
import io.skillwise.review.moderation.ModerationSource;
import io.skillwise.review.moderation.QueueItem;
import io.skillwise.review.moderation.Report;
import io.skillwise.review.replica.AccountDeleted;
import io.skillwise.review.replica.CourseReplica;
import io.skillwise.review.replica.PeopleReplica;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Discussion posts in the moderation queue. notification-service owns the posts and reports them
 * ({@code DiscussionPostReported}); the decision goes back as {@code ContentModerated} with kind DISCUSSION_POST,
 * written in the same update as the decision and its log entry.
 */
@Service
public class DiscussionModeration implements ModerationSource {

    private static final int MAX_ATTEMPTS = 10;

    private final DiscussionPostRepository posts;
    private final PeopleReplica people;
    private final CourseReplica courses;
    private final Clock clock;

    DiscussionModeration(DiscussionPostRepository posts, PeopleReplica people, CourseReplica courses, Clock clock) {
        this.posts = posts;
        this.people = people;
        this.courses = courses;
        this.clock = clock;
    }

    /**
     * Records a report once: a visible post joins (or stays in) the queue, a post seen for the first time enters
     * it, a post already hidden or removed keeps the report without going back into the queue.
     */
    public void reported(IncomingEvent incoming, DiscussionPostReported reported) {
        Report report = new Report(reported.reporterId(), reported.reason(), reported.occurredAt());
        if (posts.reportVisible(incoming, reported, report)) {
            return;
        }
        if (posts.find(reported.postId()).isEmpty() && posts.createReported(incoming, reported, report)) {
            return;
        }
        posts.reportClosed(incoming, reported, report);
    }

    @EventListener
    public void on(AccountDeleted deleted) {
        posts.forget(deleted.userId(), clock.instant());
    }

    @Override
    public ModeratedContentKind kind() {
        return ModeratedContentKind.DISCUSSION_POST;
    }

    @Override
    public List<QueueItem> openItems(int limit) {
        return items(posts.openQueue(limit));
    }

    @Override
    public long countOpen() {
        return posts.countOpen();
    }

    @Override
    public Optional<QueueItem> item(UUID contentId) {
        return posts.find(contentId).map(post -> items(List.of(post)).getFirst());
    }

    @Override
    public QueueItem decide(UUID contentId, ModerationAction action, String reason, CurrentUser moderator) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            DiscussionPost post = posts.find(contentId)
                    .orElseThrow(() -> ApiException.notFound("discussion post " + contentId));
            DiscussionPost.Decision decision;
            try {
                decision = post.moderate(action, moderator.id(), reason, clock.instant());
            } catch (DecisionConflict conflict) {
                throw ApiException.conflict(conflict.getMessage());
            }
            if (posts.apply(decision)) {
                return items(List.of(decision.after())).getFirst();
            }
        }
        throw ApiException.conflict("the post was reported again while this decision was made; try again");
    }

    @Override
    public List<LoggedAction> actions(UUID moderatorId, int limit) {
        return posts.actions(moderatorId, limit);
    }

    @Override
    public long countActions(UUID moderatorId) {
        return posts.countActions(moderatorId);
    }

    private List<QueueItem> items(List<DiscussionPost> found) {
        Map<UUID, ModerationCase> cases = posts.cases(found.stream().map(DiscussionPost::id).toList());
        Map<UUID, String> names = people.displayNames(found.stream().map(DiscussionPost::authorId).distinct()
                .toList());
        Map<UUID, String> titles = courses.titles(found.stream().map(DiscussionPost::courseId).distinct().toList());
        return found.stream().map(post -> {
            ModerationCase reported = cases.getOrDefault(post.id(), new ModerationCase(post.id(), null, null));
            return new QueueItem(kind(), post.id(), post.courseId(), titles.get(post.courseId()),
                    post.instructorId(), QueueItem.Author.of(post.authorId(), names.get(post.authorId())),
                    post.status().name(), post.excerpt(), null, List.of(), post.hiddenReason(),
                    post.moderation().open(), post.moderation().reportCount(), post.moderation().totalReports(),
                    post.moderation().openedAt(), post.moderation().lastReportedAt(), post.createdAt(),
                    reported.reports(), reported.actions());
        }).toList();
    }
}
