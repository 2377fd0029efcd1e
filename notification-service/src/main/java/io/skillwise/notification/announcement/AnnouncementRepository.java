package io.skillwise.notification.announcement;

import io.skillwise.notification.MongoDocuments;
import io.skillwise.notification.announcement.Announcement.Status;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

@Repository
class AnnouncementRepository {

    private final MongoTemplate mongo;

    AnnouncementRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        MongoDocuments.ensureIndexes(mongo, Announcement.class,
                new Index().on("courseId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC),
                new Index().on("status", Sort.Direction.ASC));
    }

    Announcement insert(Announcement announcement) {
        return mongo.insert(announcement);
    }

    Optional<Announcement> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), Announcement.class));
    }

    List<Announcement> page(UUID courseId, int page, int size) {
        return mongo.find(ofCourse(courseId).with(Sort.by(Sort.Direction.DESC, "createdAt", "_id"))
                .skip((long) page * size).limit(size), Announcement.class);
    }

    long count(UUID courseId) {
        return mongo.count(ofCourse(courseId), Announcement.class);
    }

    /** Announcements not yet told to their learners: waiting, or being told right now. */
    long countUntold() {
        return mongo.count(query(where("status").in(Status.PENDING, Status.DELIVERING)), Announcement.class);
    }

    /** Takes one announcement that is waiting, or whose fan-out died, with a lease: one atomic find-and-modify. */
    Optional<Announcement> claim(String owner, Instant now, Instant leaseUntil) {
        Query due = query(new Criteria().orOperator(
                where("status").is(Status.PENDING),
                where("status").is(Status.DELIVERING).and("leaseUntil").lt(now)))
                .with(Sort.by("createdAt"));
        Update claim = new Update().set("status", Status.DELIVERING).set("leaseOwner", owner)
                .set("leaseUntil", leaseUntil).inc("attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
                Announcement.class));
    }

    void markDelivered(Announcement announcement, String owner, int recipients, Instant at) {
        mongo.updateFirst(query(where("_id").is(announcement.id()).and("leaseOwner").is(owner)),
                new Update().set("status", Status.DELIVERED).set("recipients", recipients).set("deliveredAt", at)
                        .unset("leaseOwner").unset("leaseUntil"), Announcement.class);
    }

    /** Hands the announcement back for the next round (this fan-out failed), without waiting for its lease. */
    void release(Announcement announcement, String owner) {
        mongo.updateFirst(query(where("_id").is(announcement.id()).and("leaseOwner").is(owner)),
                new Update().set("status", Status.PENDING).unset("leaseOwner").unset("leaseUntil"),
                Announcement.class);
    }

    private static Query ofCourse(UUID courseId) {
        return query(where("courseId").is(courseId.toString()));
    }
}
