package io.skillwise.notification.discussion;

import io.skillwise.events.notification.DiscussionPostReported;
import io.skillwise.kit.messaging.IncomingEvent;
import io.skillwise.kit.messaging.MongoInbox;
import io.skillwise.kit.messaging.MongoOutbox;
import io.skillwise.notification.MongoDocuments;
import io.skillwise.notification.discussion.DiscussionPost.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

@Repository
class PostRepository {

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;
    private final MongoInbox inbox;

    PostRepository(MongoTemplate mongo, MongoOutbox outbox, MongoInbox inbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        MongoDocuments.ensureIndexes(mongo, DiscussionPost.class,
                new Index().on("threadId", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC),
                new Index().on("notified", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC),
                new Index().on("authorId", Sort.Direction.ASC));
    }

    DiscussionPost insert(DiscussionPost post) {
        return mongo.insert(post);
    }

    Optional<DiscussionPost> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), DiscussionPost.class));
    }

    /** The thread's posts that {@code visible} lets the viewer see, oldest first. */
    List<DiscussionPost> page(String threadId, Criteria visible, int page, int size) {
        return mongo.find(ofThread(threadId, visible).with(Sort.by("createdAt", "_id"))
                .skip((long) page * size).limit(size), DiscussionPost.class);
    }

    long count(String threadId, Criteria visible) {
        return mongo.count(ofThread(threadId, visible), DiscussionPost.class);
    }

    /** Changes the text of a visible post of this author; empty when it is not (any more) such a post. */
    Optional<DiscussionPost> edit(String postId, String authorId, String body, Instant at) {
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(postId).and("authorId").is(authorId).and("status").is(Status.VISIBLE)),
                new Update().set("body", body).set("editedAt", at), FindAndModifyOptions.options().returnNew(true),
                DiscussionPost.class));
    }

    /** Deletes a post that is visible or hidden; false when it was already gone. */
    boolean delete(String postId, Instant at) {
        return mongo.updateFirst(query(where("_id").is(postId).and("status").in(Status.VISIBLE, Status.HIDDEN)),
                new Update().set("status", Status.DELETED).unset("body").set("editedAt", at),
                DiscussionPost.class).getMatchedCount() == 1;
    }

    /**
     * Records the report and queues its event in one single-document update, which matches only while the post is
     * visible, written by someone else, and not yet reported by this reporter.
     *
     * @return false when nothing was recorded
     */
    boolean report(DiscussionPostReported reported) {
        String reporter = reported.reporterId().toString();
        Query reportable = query(where("_id").is(reported.postId().toString()).and("status").is(Status.VISIBLE)
                .and("authorId").ne(reporter).and("reporters").ne(reporter));
        boolean recorded = mongo.updateFirst(reportable, outbox.push(new Update().push("reporters", reporter),
                reported), DiscussionPost.class).getMatchedCount() == 1;
        if (recorded) {
            outbox.wake();
        }
        return recorded;
    }

    /** Applies a moderator's decision once, to a post in one of the {@code from} statuses. */
    boolean moderate(IncomingEvent incoming, UUID postId, Collection<Status> from, Update update) {
        return inbox.applyOnce(incoming, query(where("_id").is(postId.toString()).and("status").in(from)), update,
                DiscussionPost.class);
    }

    /** Posts whose thread's followers have not been told yet, oldest first. */
    List<DiscussionPost> unnotified(int limit) {
        return mongo.find(query(where("notified").is(false)).with(Sort.by("createdAt")).limit(limit),
                DiscussionPost.class);
    }

    void markNotified(String postId) {
        mongo.updateFirst(query(where("_id").is(postId)), new Update().set("notified", true), DiscussionPost.class);
    }

    /** A deleted account's posts lose their text, as if their author had deleted them. */
    long forget(String authorId, Instant at) {
        return mongo.updateMulti(query(where("authorId").is(authorId).and("status").ne(Status.DELETED)),
                new Update().set("status", Status.DELETED).unset("body").unset("hiddenReason").set("editedAt", at)
                        .set("notified", true), DiscussionPost.class).getModifiedCount();
    }

    private static Query ofThread(String threadId, Criteria visible) {
        return query(where("threadId").is(threadId)).addCriteria(visible);
    }
}
