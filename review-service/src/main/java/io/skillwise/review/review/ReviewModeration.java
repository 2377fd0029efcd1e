package io.skillwise.review.review;

import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.review.moderation.LoggedAction;
import io.skillwise.review.moderation.ModerationCase;
import io.skillwise.review.moderation.ModerationAction;
import io.skillwise.review.moderation.ModerationSource;
import io.skillwise.review.moderation.QueueItem;
import io.skillwise.review.replica.CourseReplica;
import io.skillwise.review.replica.PeopleReplica;
import io.skillwise.review.screening.ScreeningFlag;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reviews in the moderation queue: held by screening or reported by readers. */
@Component
class ReviewModeration implements ModerationSource {

    private final ReviewRepository reviews;
    private final ReviewService service;
    private final PeopleReplica people;
    private final CourseReplica courses;

    ReviewModeration(ReviewRepository reviews, ReviewService service, PeopleReplica people, CourseReplica courses) {
        this.reviews = reviews;
        this.service = service;
        this.people = people;
        this.courses = courses;
    }

    @Override
    public ModeratedContentKind kind() {
        return ModeratedContentKind.REVIEW;
    }

    @Override
    public List<QueueItem> openItems(int limit) {
        return items(reviews.openQueue(limit));
    }

    @Override
    public long countOpen() {
        return reviews.countOpen();
    }

    @Override
    public Optional<QueueItem> item(UUID contentId) {
        return reviews.find(contentId).map(review -> items(List.of(review)).getFirst());
    }

    @Override
    public QueueItem decide(UUID contentId, ModerationAction action, String reason, CurrentUser moderator) {
        return items(List.of(service.moderate(contentId, action, reason, moderator))).getFirst();
    }

    @Override
    public List<LoggedAction> actions(UUID moderatorId, int limit) {
        return reviews.actions(moderatorId, limit);
    }

    @Override
    public long countActions(UUID moderatorId) {
        return reviews.countActions(moderatorId);
    }

    private List<QueueItem> items(List<Review> found) {
        List<UUID> ids = found.stream().map(Review::id).toList();
        Map<UUID, ModerationCase> cases = reviews.cases(ids);
        Map<UUID, String> names = people.displayNames(found.stream().map(Review::authorId).distinct().toList());
        Map<UUID, String> titles = courses.titles(found.stream().map(Review::courseId).distinct().toList());
        return found.stream().map(review -> {
            ModerationCase reported = cases.getOrDefault(review.id(), new ModerationCase(review.id(), null, null));
            return new QueueItem(kind(), review.id(), review.courseId(), titles.get(review.courseId()),
                    review.instructorId(), QueueItem.Author.of(review.authorId(), names.get(review.authorId())),
                    review.status().name(), review.comment(), review.rating(),
                    review.flags().stream().map(ScreeningFlag::name).sorted().toList(), review.hiddenReason(),
                    review.moderation().open(), review.moderation().reportCount(),
                    review.moderation().totalReports(), review.moderation().openedAt(),
                    review.moderation().lastReportedAt(), review.createdAt(), reported.reports(),
                    reported.actions());
        }).toList();
    }
}
