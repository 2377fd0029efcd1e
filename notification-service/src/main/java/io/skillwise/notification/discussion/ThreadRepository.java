package io.skillwise.notification.discussion;

import io.skillwise.notification.MongoDocuments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

@Repository
class ThreadRepository {

    private final MongoTemplate mongo;

    ThreadRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        MongoDocuments.ensureIndexes(mongo, DiscussionThread.class,
                new Index().on("courseId", Sort.Direction.ASC).on("pinned", Sort.Direction.DESC)
                        .on("lastPostAt", Sort.Direction.DESC),
                new Index().on("courseId", Sort.Direction.ASC).on("lessonId", Sort.Direction.ASC),
                new Index().on("followers", Sort.Direction.ASC));
    }

    DiscussionThread insert(DiscussionThread thread) {
        return mongo.insert(thread);
    }

    Optional<DiscussionThread> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), DiscussionThread.class));
    }

    /** Pinned threads first, then the most recently active. */
    List<DiscussionThread> page(UUID courseId, UUID lessonId, int page, int size) {
        return mongo.find(ofCourse(courseId, lessonId)
                .with(Sort.by(Sort.Order.desc("pinned"), Sort.Order.desc("lastPostAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size), DiscussionThread.class);
    }

    long count(UUID courseId, UUID lessonId) {
        return mongo.count(ofCourse(courseId, lessonId), DiscussionThread.class);
    }

    /** A reply was posted: the thread is active again and its author follows it. */
    void recordReply(String threadId, String authorId, Instant at) {
        mongo.updateFirst(query(where("_id").is(threadId)), new Update().inc("replyCount", 1).max("lastPostAt", at)
                .addToSet("followers", authorId), DiscussionThread.class);
    }

    DiscussionThread follow(String threadId, String userId, boolean follow) {
        Update update = follow ? new Update().addToSet("followers", userId) : new Update().pull("followers", userId);
        return modify(threadId, update);
    }

    DiscussionThread update(String threadId, Update update) {
        return modify(threadId, update);
    }

    /** A deleted account follows nothing any more. */
    void forget(String userId) {
        mongo.updateMulti(query(where("followers").is(userId)), new Update().pull("followers", userId),
                DiscussionThread.class);
    }

    private DiscussionThread modify(String threadId, Update update) {
        return mongo.findAndModify(query(where("_id").is(threadId)), update,
                FindAndModifyOptions.options().returnNew(true), DiscussionThread.class);
    }

    private static Query ofCourse(UUID courseId, UUID lessonId) {
        Query query = query(where("courseId").is(courseId.toString()));
        if (lessonId != null) {
            query.addCriteria(where("lessonId").is(lessonId.toString()));
        }
        return query;
    }
}
