package io.skillwise.review.discussion;

import io.skillwise.events.notification.DiscussionPostReported;
import io.skillwise.kit.messaging.IncomingEvent;
import io.skillwise.kit.messaging.MongoInbox;
import io.skillwise.kit.messaging.MongoOutbox;
import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.review.moderation.LoggedAction;
import io.skillwise.review.moderation.ModerationCase;
import io.skillwise.review.moderation.ModerationQueries;
import io.skillwise.review.moderation.Report;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Reported discussion posts (collection {@value DiscussionPost#COLLECTION}), each carrying its own outbox. */
@Repository
class DiscussionPostRepository {

    private static final String[] NOT_IN_POST = {MongoOutbox.FIELD, ModerationQueries.REPORTS,
            ModerationQueries.ACTIONS, MongoInbox.FIELD};

    private final MongoTemplate mongo;
    private final MongoInbox inbox;
    private final MongoOutbox outbox;

    DiscussionPostRepository(MongoTemplate mongo, MongoInbox inbox, MongoOutbox outbox) {
        this.mongo = mongo;
        this.inbox = inbox;
        this.outbox = outbox;
        mongo.indexOps(DiscussionPost.COLLECTION).createIndex(new Index().on("moderation.open", Sort.Direction.ASC));
        mongo.indexOps(DiscussionPost.COLLECTION).createIndex(new Index().on("authorId", Sort.Direction.ASC));
    }

    /** Counts a report of a visible post we know and puts it in the queue; false if it is not such a post. */
    boolean reportVisible(IncomingEvent incoming, DiscussionPostReported reported, Report report) {
        return inbox.applyOnce(incoming, query(where("_id").is(reported.postId()).and("status")
                        .is(PostStatus.VISIBLE).andOperator(ModerationQueries.notReportedBy(report.reporterId()))),
                ModerationQueries.report(report).set("excerpt", reported.excerpt())
                        .set("changedAt", report.reportedAt()), DiscussionPost.class);
    }

    /** The first report of a post: it enters the queue. */
    boolean createReported(IncomingEvent incoming, DiscussionPostReported reported, Report report) {
        Update update = ModerationQueries.report(report).set("excerpt", reported.excerpt())
                .set("changedAt", report.reportedAt())
                .setOnInsert("threadId", reported.threadId()).setOnInsert("courseId", reported.courseId())
                .setOnInsert("instructorId", reported.instructorId()).setOnInsert("authorId", reported.authorId())
                .setOnInsert("status", PostStatus.VISIBLE).setOnInsert("createdAt", report.reportedAt());
        return inbox.upsertOnce(incoming, query(where("_id").is(reported.postId())), update, DiscussionPost.class);
    }

    /** A report of a post a moderator already hid or removed: kept for the record, the queue stays closed. */
    boolean reportClosed(IncomingEvent incoming, DiscussionPostReported reported, Report report) {
        return inbox.applyOnce(incoming, query(where("_id").is(reported.postId())
                        .andOperator(ModerationQueries.notReportedBy(report.reporterId()))),
                new Update().push(ModerationQueries.REPORTS, report)
                        .inc(ModerationQueries.STATE + ".totalReports", 1)
                        .set(ModerationQueries.STATE + ".lastReportedAt", report.reportedAt()).inc("version", 1),
                DiscussionPost.class);
    }

    Optional<DiscussionPost> find(UUID postId) {
        return Optional.ofNullable(mongo.findOne(postOnly(query(where("_id").is(postId))), DiscussionPost.class));
    }

    /** Writes a decision with its log entry and event if the post is still at the version read. */
    boolean apply(DiscussionPost.Decision decision) {
        DiscussionPost after = decision.after();
        Update update = new Update().set("status", after.status()).set("hiddenReason", after.hiddenReason())
                .set(ModerationQueries.STATE, after.moderation()).set("changedAt", after.changedAt())
                .inc("version", 1).push(ModerationQueries.ACTIONS, decision.logged());
        boolean written = mongo.updateFirst(query(where("_id").is(after.id()).and("version")
                .is(decision.before().version())), outbox.push(update, decision.event()), DiscussionPost.class)
                .getMatchedCount() == 1;
        if (written) {
            outbox.wake();
        }
        return written;
    }

    List<DiscussionPost> openQueue(int limit) {
        return mongo.find(postOnly(query(ModerationQueries.open()).with(ModerationQueries.queueOrder()).limit(limit)),
                DiscussionPost.class);
    }

    long countOpen() {
        return mongo.count(query(ModerationQueries.open()), DiscussionPost.class);
    }

    Map<UUID, ModerationCase> cases(Collection<UUID> postIds) {
        return ModerationQueries.cases(mongo, DiscussionPost.COLLECTION, postIds);
    }

    List<LoggedAction> actions(UUID moderatorId, int limit) {
        return ModerationQueries.actions(mongo, DiscussionPost.COLLECTION, ModeratedContentKind.DISCUSSION_POST, moderatorId, limit);
    }

    long countActions(UUID moderatorId) {
        return ModerationQueries.countActions(mongo, DiscussionPost.COLLECTION, moderatorId);
    }

    /** A deleted account's posts leave the queue and their excerpts are forgotten, as are its report reasons. */
    void forget(UUID userId, Instant now) {
        mongo.updateMulti(query(where("authorId").is(userId)), new Update().set("excerpt", null)
                .set(ModerationQueries.STATE + ".open", false).set("changedAt", now).inc("version", 1),
                DiscussionPost.class);
        ModerationQueries.forgetReasonsOf(mongo, DiscussionPost.COLLECTION, userId);
    }

    private static Query postOnly(Query query) {
        query.fields().exclude(NOT_IN_POST);
        return query;
    }
}
