package io.skillwise.notification.inapp;

import io.skillwise.notification.MongoDocuments;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

@Repository
class NotificationRepository {

    private final MongoTemplate mongo;

    NotificationRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        MongoDocuments.ensureIndexes(mongo, Notification.class,
                new Index().on("recipientId", Sort.Direction.ASC).on("seq", Sort.Direction.DESC),
                new Index().on("seq", Sort.Direction.ASC));
    }

    Set<String> existing(Collection<String> ids) {
        Query query = query(where("_id").in(ids));
        query.fields().include("_id");
        return mongo.find(query, Document.class, Notification.COLLECTION).stream()
                .map(document -> document.getString("_id")).collect(Collectors.toSet());
    }

    int insertNew(List<Notification> notifications) {
        return MongoDocuments.insertNew(mongo, Notification.class, notifications);
    }

    Optional<Notification> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), Notification.class));
    }

    List<Notification> page(UUID recipientId, boolean unreadOnly, int page, int size) {
        return mongo.find(ofRecipient(recipientId, unreadOnly).with(Sort.by(Sort.Direction.DESC, "seq"))
                .skip((long) page * size).limit(size), Notification.class);
    }

    long count(UUID recipientId, boolean unreadOnly) {
        return mongo.count(ofRecipient(recipientId, unreadOnly), Notification.class);
    }

    void markRead(UUID id, Instant at) {
        mongo.updateFirst(query(where("_id").is(id.toString()).and("read").is(false)),
                new Update().set("read", true).set("readAt", at), Notification.class);
    }

    long markAllRead(UUID recipientId, Instant at) {
        return mongo.updateMulti(ofRecipient(recipientId, true), new Update().set("read", true).set("readAt", at),
                Notification.class).getModifiedCount();
    }

    /** Notifications numbered after {@code seq}, in order. */
    List<Notification> after(long seq, int limit) {
        return mongo.find(query(where("seq").gt(seq)).with(Sort.by("seq")).limit(limit), Notification.class);
    }

    /** The newest {@code limit} of one recipient's notifications numbered after {@code seq}, oldest first. */
    List<Notification> latestAfter(UUID recipientId, long seq, int limit) {
        List<Notification> newestFirst = mongo.find(query(where("recipientId").is(recipientId.toString())
                .and("seq").gt(seq)).with(Sort.by(Sort.Direction.DESC, "seq")).limit(limit), Notification.class);
        return newestFirst.reversed();
    }

    long deleteAllOf(UUID recipientId) {
        return mongo.remove(query(where("recipientId").is(recipientId.toString())), Notification.class)
                .getDeletedCount();
    }

    private static Query ofRecipient(UUID recipientId, boolean unreadOnly) {
        Criteria criteria = where("recipientId").is(recipientId.toString());
        if (unreadOnly) {
            criteria = criteria.and("read").is(false);
        }
        return query(criteria);
    }
}
