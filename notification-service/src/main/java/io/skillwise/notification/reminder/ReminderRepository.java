package io.skillwise.notification.reminder;

import io.skillwise.notification.MongoDocuments;
import io.skillwise.notification.reminder.Reminder.Status;
import io.skillwise.notification.reminder.Reminder.Type;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The {@code reminders} collection. MongoDB (and its stand-in) has no transactions here, so every change that must not
 * race is one conditional single-document update: a claim takes a due reminder only if it is still due, a cancel only
 * if it is still scheduled, and completing a claim only if this instance still owns it.
 */
@Repository
class ReminderRepository {

    private static final List<Status> RESCHEDULABLE = List.of(Status.SCHEDULED, Status.CANCELLED);

    private final MongoTemplate mongo;

    ReminderRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        MongoDocuments.ensureIndexes(mongo, Reminder.class,
                new Index().on("status", Sort.Direction.ASC).on("fireAt", Sort.Direction.ASC),
                new Index().on("courseId", Sort.Direction.ASC).on("type", Sort.Direction.ASC),
                new Index().on("userId", Sort.Direction.ASC));
    }

    /** Inserts the reminders not stored yet; those already there (in whatever state) are left alone. */
    int insertNew(List<Reminder> reminders) {
        return MongoDocuments.insertNew(mongo, Reminder.class, reminders);
    }

    Optional<Reminder> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), Reminder.class));
    }

    /**
     * Makes the reminders in {@code scope} what {@code wanted} says: new ones are inserted, scheduled or cancelled
     * ones get the wanted moment and text (a cancelled one is scheduled again), scheduled ones no longer wanted are
     * cancelled. Reminders being fired or sent are left alone.
     */
    void reconcile(Criteria scope, List<Reminder> wanted) {
        Query existingQuery = query(scope);
        existingQuery.fields().include("status");
        Map<String, Status> existing = new HashMap<>();
        mongo.find(existingQuery, Document.class, Reminder.COLLECTION)
                .forEach(document -> existing.put(document.getString("_id"), Status.valueOf(document.getString("status"))));
        Set<String> wantedIds = wanted.stream().map(Reminder::id).collect(Collectors.toSet());
        List<String> unwanted = existing.entrySet().stream()
                .filter(entry -> entry.getValue() == Status.SCHEDULED && !wantedIds.contains(entry.getKey()))
                .map(Map.Entry::getKey).toList();
        if (!unwanted.isEmpty()) {
            mongo.updateMulti(query(where("_id").in(unwanted).and("status").is(Status.SCHEDULED)),
                    new Update().set("status", Status.CANCELLED), Reminder.class);
        }
        List<Reminder> toUpdate = wanted.stream()
                .filter(reminder -> existing.containsKey(reminder.id()) && RESCHEDULABLE.contains(existing.get(reminder.id())))
                .toList();
        if (!toUpdate.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Reminder.class);
            toUpdate.forEach(reminder -> bulk.updateOne(
                    query(where("_id").is(reminder.id()).and("status").in(RESCHEDULABLE)),
                    new Update().set("status", Status.SCHEDULED).set("fireAt", reminder.fireAt())
                            .set("title", reminder.title()).set("text", reminder.text()).set("link", reminder.link())));
            bulk.execute();
        }
        insertNew(wanted.stream().filter(reminder -> !existing.containsKey(reminder.id())).toList());
    }

    /** Cancels every scheduled reminder in scope. */
    long cancel(Criteria scope) {
        return mongo.updateMulti(query(scope.and("status").is(Status.SCHEDULED)),
                new Update().set("status", Status.CANCELLED), Reminder.class).getModifiedCount();
    }

    /** Cancels one reminder if it is still scheduled; answers whether it was. */
    boolean cancel(String id) {
        return mongo.updateFirst(query(where("_id").is(id).and("status").is(Status.SCHEDULED)),
                new Update().set("status", Status.CANCELLED), Reminder.class).getModifiedCount() == 1;
    }

    /**
     * Cancels the reminder, or, when it is not stored yet, stores it cancelled, so that scheduling it later (an event
     * that arrives after the one that cancels it) leaves it cancelled. A sent one stays sent.
     */
    void cancelAhead(String id, Type type) {
        try {
            mongo.upsert(query(where("_id").is(id).and("status").in(Status.SCHEDULED, Status.CANCELLED)),
                    new Update().set("status", Status.CANCELLED).setOnInsert("type", type)
                            .setOnInsert("email", false).setOnInsert("attempts", 0), Reminder.class);
        } catch (DuplicateKeyException firingOrSent) {
            // too late to cancel: it is being sent or was sent
        }
    }

    /** Reminders an instance would fire now: those whose time has come, and those whose firing died. */
    long countDue(Instant now) {
        return mongo.count(due(now), Reminder.class);
    }

    private static Query due(Instant now) {
        return query(new Criteria().orOperator(
                where("status").is(Status.SCHEDULED).and("fireAt").lte(now),
                where("status").is(Status.FIRING).and("leaseUntil").lt(now)));
    }

    /** Takes one due reminder, or one whose instance died while firing it, with a lease: one find-and-modify. */
    Optional<Reminder> claim(String owner, Instant now, Instant leaseUntil) {
        Query due = due(now).with(Sort.by("fireAt"));
        Update claim = new Update().set("status", Status.FIRING).set("leaseOwner", owner)
                .set("leaseUntil", leaseUntil).inc("attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
                Reminder.class));
    }

    void markSent(Reminder reminder, String owner, int recipients, Instant at) {
        mongo.updateFirst(owned(reminder, owner), new Update().set("status", Status.SENT).set("recipients", recipients)
                .set("firedAt", at).unset("leaseOwner").unset("leaseUntil"), Reminder.class);
    }

    /** Schedules a claimed reminder again for later (its one recipient is still in quiet hours). */
    void postpone(Reminder reminder, String owner, Instant until) {
        mongo.updateFirst(owned(reminder, owner), new Update().set("status", Status.SCHEDULED).set("fireAt", until)
                .unset("leaseOwner").unset("leaseUntil"), Reminder.class);
    }

    /** Hands a claimed reminder back for the next round (firing it failed), without waiting for its lease. */
    void release(Reminder reminder, String owner) {
        mongo.updateFirst(owned(reminder, owner), new Update().set("status", Status.SCHEDULED)
                .unset("leaseOwner").unset("leaseUntil"), Reminder.class);
    }

    List<Reminder> page(Criteria criteria, Sort sort, int page, int size) {
        return mongo.find(query(criteria).with(sort).skip((long) page * size).limit(size), Reminder.class);
    }

    long count(Criteria criteria) {
        return mongo.count(query(criteria), Reminder.class);
    }

    /** Forgets the reminders addressed to a deleted account. */
    void eraseFor(UUID userId) {
        mongo.remove(query(where("userId").is(userId.toString())), Reminder.class);
    }

    private static Query owned(Reminder reminder, String owner) {
        return query(where("_id").is(reminder.id()).and("leaseOwner").is(owner));
    }
}
