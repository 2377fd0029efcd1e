package io.skillwise.review.review;

import io.skillwise.events.review.ReviewEvent;
import io.skillwise.kit.messaging.MongoOutbox;
import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.review.moderation.LoggedAction;
import io.skillwise.review.moderation.ModerationCase;
import io.skillwise.review.moderation.ModerationQueries;
import io.skillwise.review.moderation.Report;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Reviews (collection {@value Review#COLLECTION}). A review document also holds what {@link Review} leaves out: its
 * outbox, the ids of helpful voters, its reports and its moderation log, each changed by its own atomic update.
 */
@Repository
class ReviewRepository {

    static final String VOTERS = "helpfulVoterIds";
    private static final String[] NOT_IN_REVIEW = {MongoOutbox.FIELD, VOTERS, ModerationQueries.REPORTS,
            ModerationQueries.ACTIONS, "processedEventIds"};

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;

    ReviewRepository(MongoTemplate mongo, MongoOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        var indexes = mongo.indexOps(Review.COLLECTION);
        // one current review per learner and course, whoever is quickest
        indexes.createIndex(new Index().on("slot", Sort.Direction.ASC).unique());
        indexes.createIndex(new Index().on("courseId", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("authorId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("ratingPending", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("moderation.open", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("commentHash", Sort.Direction.ASC));
    }

    /** Stores a new review with its events; the unique slot refuses a second review of the same learner. */
    void insert(Transition written) {
        Document document = new Document();
        mongo.getConverter().write(written.after(), document);
        document.put(MongoOutbox.FIELD, written.events().stream()
                .map(event -> mongo.getConverter().convertToMongoType(outbox.entryFor(event))).toList());
        mongo.insert(document, Review.COLLECTION);
        wakeIf(written.events());
    }

    /**
     * Writes a transition if the review is still at the version it was read at, with its events and log entry in
     * the same update; false when another write came first.
     */
    boolean apply(Transition change) {
        Review after = change.after();
        Update update = new Update().set("slot", after.slot()).set("status", after.status())
                .set("removalReason", after.removalReason()).set("rating", after.rating())
                .set("contentQuality", after.contentQuality())
                .set("instructorEffectiveness", after.instructorEffectiveness()).set("comment", after.comment())
                .set("commentHash", after.commentHash()).set("flags", after.flags())
                .set("hiddenReason", after.hiddenReason()).set("reply", after.reply())
                .set(ModerationQueries.STATE, after.moderation()).set("revision", after.revision())
                .set("announcedRevision", after.announcedRevision()).set("ratingPending", after.ratingPending())
                .set("editedAt", after.editedAt()).set("changedAt", after.changedAt()).inc("version", 1);
        if (change.logged() != null) {
            update.push(ModerationQueries.ACTIONS, change.logged());
        }
        if (!change.events().isEmpty()) {
            outbox.push(update, change.events().toArray(ReviewEvent[]::new));
        }
        boolean written = mongo.updateFirst(query(where("_id").is(after.id()).and("version").is(
                change.before().version())), update, Review.class).getMatchedCount() == 1;
        if (written) {
            wakeIf(change.events());
        }
        return written;
    }

    Optional<Review> find(UUID id) {
        return Optional.ofNullable(mongo.findOne(reviewOnly(query(where("_id").is(id))), Review.class));
    }

    Optional<Review> current(UUID courseId, UUID authorId) {
        return Optional.ofNullable(mongo.findOne(reviewOnly(query(where("slot").is(Review.slotOf(courseId,
                authorId)))), Review.class));
    }

    List<Review> byAuthor(UUID authorId) {
        return mongo.find(reviewOnly(query(where("authorId").is(authorId))), Review.class);
    }

    List<Review> visiblePage(UUID courseId, Integer stars, Sort order, int page, int size) {
        return mongo.find(reviewOnly(query(visible(courseId, stars)).with(order).skip((long) page * size)
                .limit(size)), Review.class);
    }

    long countVisible(UUID courseId, Integer stars) {
        return mongo.count(query(visible(courseId, stars)), Review.class);
    }

    /** Which of the reviews the user found helpful. */
    Set<UUID> votedBy(Collection<UUID> reviewIds, UUID voterId) {
        Query voted = query(where("_id").in(reviewIds).and(VOTERS).is(voterId));
        voted.fields().include("_id");
        return mongo.find(voted, Document.class, Review.COLLECTION).stream()
                .map(document -> document.get("_id", UUID.class)).collect(Collectors.toSet());
    }

    /** Counts the vote unless the review is not visible (any more) or the voter voted before. */
    boolean vote(UUID reviewId, UUID voterId) {
        return mongo.updateFirst(query(where("_id").is(reviewId).and("status").is(ReviewStatus.VISIBLE)
                        .and(VOTERS).ne(voterId)),
                new Update().push(VOTERS, voterId).inc("helpfulCount", 1), Review.class).getMatchedCount() == 1;
    }

    boolean unvote(UUID reviewId, UUID voterId) {
        return mongo.updateFirst(query(where("_id").is(reviewId).and(VOTERS).is(voterId)),
                new Update().pull(VOTERS, voterId).inc("helpfulCount", -1), Review.class).getMatchedCount() == 1;
    }

    /** Records the report unless the review is not visible or the reporter reported it before. */
    boolean report(UUID reviewId, Report report) {
        return mongo.updateFirst(query(where("_id").is(reviewId).and("status").is(ReviewStatus.VISIBLE)
                        .andOperator(ModerationQueries.notReportedBy(report.reporterId()))),
                ModerationQueries.report(report).set("changedAt", report.reportedAt()), Review.class)
                .getMatchedCount() == 1;
    }

    boolean reportedBy(UUID reviewId, UUID reporterId) {
        return mongo.exists(query(where("_id").is(reviewId).and(ModerationQueries.REPORTS + ".reporterId")
                .is(reporterId)), Review.class);
    }

    /**
     * Low ratings on the course since {@code since} by authors whose accounts were new, not counting removed ones
     * nor the review {@code except} (the one being edited).
     */
    long recentLowFromNewAccounts(UUID courseId, Instant since, int maxRating, UUID except) {
        return mongo.count(query(where("courseId").is(courseId).and("createdAt").gte(since).and("rating")
                .lte(maxRating).and("authorNewAccount").is(true).and("status").ne(ReviewStatus.REMOVED)
                .and("_id").ne(except)), Review.class);
    }

    /** Whether another author's review, not removed, has the same words. */
    boolean copied(String commentHash, UUID authorId) {
        return mongo.exists(query(where("commentHash").is(commentHash).and("authorId").ne(authorId)
                .and("status").ne(ReviewStatus.REMOVED)), Review.class);
    }

    /** The deleted account of an instructor takes its replies with it. */
    void forgetRepliesOf(UUID instructorId, Instant now) {
        mongo.updateMulti(query(where("instructorId").is(instructorId).and("reply").ne(null)),
                new Update().unset("reply").set("changedAt", now).inc("version", 1), Review.class);
    }

    void forgetReportReasonsOf(UUID userId) {
        ModerationQueries.forgetReasonsOf(mongo, Review.COLLECTION, userId);
    }

    // --- for the rating aggregates ---------------------------------------------------------------------------

    /** Visible reviews of the course and reviews with uncounted changes, in one read. */
    List<Review> countable(UUID courseId) {
        return mongo.find(reviewOnly(query(where("courseId").is(courseId).orOperator(
                where("status").is(ReviewStatus.VISIBLE), where("ratingPending").is(true)))), Review.class);
    }

    void markCounted(UUID reviewId, long version) {
        mongo.updateFirst(query(where("_id").is(reviewId).and("version").is(version).and("ratingPending").is(true)),
                new Update().set("ratingPending", false), Review.class);
    }

    Set<UUID> coursesWithUncountedChanges(Instant changedBefore) {
        return new HashSet<>(mongo.findDistinct(query(where("ratingPending").is(true).and("changedAt")
                .lt(changedBefore)), "courseId", Review.class, UUID.class));
    }

    Set<UUID> reviewedCourses() {
        return new HashSet<>(mongo.findDistinct(new Query(), "courseId", Review.class, UUID.class));
    }

    // --- for the moderation queue ----------------------------------------------------------------------------

    List<Review> openQueue(int limit) {
        return mongo.find(reviewOnly(query(ModerationQueries.open()).with(ModerationQueries.queueOrder())
                .limit(limit)), Review.class);
    }

    long countOpen() {
        return mongo.count(query(ModerationQueries.open()), Review.class);
    }

    Map<UUID, ModerationCase> cases(Collection<UUID> reviewIds) {
        return ModerationQueries.cases(mongo, Review.COLLECTION, reviewIds);
    }

    List<LoggedAction> actions(UUID moderatorId, int limit) {
        return ModerationQueries.actions(mongo, Review.COLLECTION, ModeratedContentKind.REVIEW, moderatorId, limit);
    }

    long countActions(UUID moderatorId) {
        return ModerationQueries.countActions(mongo, Review.COLLECTION, moderatorId);
    }

    private static Criteria visible(UUID courseId, Integer stars) {
        Criteria visible = where("courseId").is(courseId).and("status").is(ReviewStatus.VISIBLE);
        return stars == null ? visible : visible.and("rating").is(stars);
    }

    private static Query reviewOnly(Query query) {
        query.fields().exclude(NOT_IN_REVIEW);
        return query;
    }

    private void wakeIf(List<ReviewEvent> events) {
        if (!events.isEmpty()) {
            outbox.wake();
        }
    }
}
