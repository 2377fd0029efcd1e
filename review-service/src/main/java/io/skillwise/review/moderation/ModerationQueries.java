package io.skillwise.review.moderation;

import io.skillwise.events.review.ModeratedContentKind;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The MongoDB side of moderation, the same for every kind of content: each content document embeds a
 * {@link ModerationState} under {@value #STATE}, its {@link Report}s under {@value #REPORTS} and its
 * {@link ModerationLogEntry}s under {@value #ACTIONS}.
 */
public final class ModerationQueries {

    public static final String STATE = "moderation";
    public static final String REPORTS = "reports";
    public static final String ACTIONS = "actions";

    private ModerationQueries() {
    }

    /** Content in the queue. */
    public static Criteria open() {
        return where(STATE + ".open").is(true);
    }

    /** Most reported first, then the longest waiting. */
    public static Sort queueOrder() {
        return Sort.by(Sort.Order.desc(STATE + ".reportCount"), Sort.Order.asc(STATE + ".openedAt"),
                Sort.Order.asc("_id"));
    }

    /** Content this user has not reported yet (once per user and content). */
    public static Criteria notReportedBy(UUID reporterId) {
        return where(REPORTS + ".reporterId").ne(reporterId);
    }

    /**
     * Records a report and puts the content into the queue ({@code openedAt} keeps the time it first entered it).
     * Bumps {@code version}, so a decision computed before the report is retried and sees it.
     */
    public static Update report(Report report) {
        return new Update().push(REPORTS, report)
                .inc(STATE + ".reportCount", 1).inc(STATE + ".totalReports", 1)
                .set(STATE + ".open", true).set(STATE + ".lastReportedAt", report.reportedAt())
                .min(STATE + ".openedAt", report.reportedAt())
                .inc("version", 1);
    }

    /** The reports of a deleted account keep counting, but its words are forgotten. */
    public static void forgetReasonsOf(MongoTemplate mongo, String collection, UUID userId) {
        mongo.updateMulti(Query.query(where(REPORTS + ".reporterId").is(userId)),
                new Update().set(REPORTS + ".$.reason", "(account deleted)"), collection);
    }

    /** Reports and log of the documents, by id. */
    public static Map<UUID, ModerationCase> cases(MongoTemplate mongo, String collection, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query cases = Query.query(where("_id").in(ids));
        cases.fields().include(REPORTS).include(ACTIONS);
        return mongo.find(cases, ModerationCase.class, collection).stream()
                .collect(Collectors.toMap(ModerationCase::id, found -> found));
    }

    /**
     * The latest {@code limit} log entries of the collection (content of the given kind), newest first, of one
     * moderator if given.
     */
    public static List<LoggedAction> actions(MongoTemplate mongo, String collection, ModeratedContentKind kind,
                                             UUID moderatorId, int limit) {
        List<AggregationOperation> steps = new ArrayList<>(logOf(moderatorId));
        steps.add(Aggregation.sort(Sort.by(Sort.Order.desc(ACTIONS + ".at"), Sort.Order.asc("_id"))));
        steps.add(Aggregation.limit(limit));
        steps.add(Aggregation.project("courseId", ACTIONS));
        List<LoggedAction> rows = new ArrayList<>();
        for (Document row : mongo.aggregate(Aggregation.newAggregation(steps), collection,
                Document.class)) {
            Document action = row.get(ACTIONS, Document.class);
            rows.add(new LoggedAction(kind, row.get("_id", UUID.class), row.get("courseId", UUID.class),
                    ModerationAction.valueOf(action.getString("action")), action.get("moderatorId", UUID.class),
                    action.getString("reason"), action.get("at", Date.class).toInstant()));
        }
        return rows;
    }

    public static long countActions(MongoTemplate mongo, String collection, UUID moderatorId) {
        List<AggregationOperation> steps = new ArrayList<>(logOf(moderatorId));
        steps.add(Aggregation.group().count().as("n"));
        Document counted = mongo.aggregate(Aggregation.newAggregation(steps), collection,
                Document.class).getUniqueMappedResult();
        return counted == null ? 0 : ((Number) counted.get("n")).longValue();
    }

    private static List<AggregationOperation> logOf(UUID moderatorId) {
        List<AggregationOperation> steps = new ArrayList<>();
        steps.add(Aggregation.match(where(ACTIONS + ".0").exists(true)));
        steps.add(Aggregation.unwind(ACTIONS));
        if (moderatorId != null) {
            steps.add(Aggregation.match(where(ACTIONS + ".moderatorId").is(moderatorId)));
        }
        return steps;
    }
}
