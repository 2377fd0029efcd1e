package io.skillwise.notification.mail;

import io.skillwise.notification.MongoDocuments;
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
class MailRepository {

    private final MongoTemplate mongo;

    MailRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        MongoDocuments.ensureIndexes(mongo, MailJob.class,
                new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC),
                new Index().on("recipientId", Sort.Direction.ASC));
    }

    int insertNew(List<MailJob> mails) {
        return MongoDocuments.insertNew(mongo, MailJob.class, mails);
    }

    /** Mails a sender would claim now: pending ones whose time has come, and those whose sender's lease ran out. */
    long countDue(Instant now) {
        return mongo.count(due(now), MailJob.class);
    }

    /**
     * Claims the next due mail for {@code owner} in one atomic find-and-modify: a pending mail whose time has come,
     * or one whose sender's lease ran out (that sender died or hung). Two senders never get the same mail.
     */
    Optional<MailJob> claim(String owner, Instant now, Instant leaseUntil) {
        Query due = due(now).with(Sort.by("nextAttemptAt"));
        Update claim = new Update().set("status", MailStatus.SENDING).set("leaseOwner", owner)
                .set("leaseUntil", leaseUntil).set("lastAttemptAt", now).inc("attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
                MailJob.class));
    }

    private static Query due(Instant now) {
        return query(new Criteria().orOperator(
                where("status").is(MailStatus.PENDING).and("nextAttemptAt").lte(now),
                where("status").is(MailStatus.SENDING).and("leaseUntil").lt(now)));
    }

    /** @return false when the lease was lost meanwhile (another sender has the mail now) */
    boolean markSent(MailJob mail, String owner, String to, Instant at) {
        return mongo.updateFirst(leased(mail, owner), new Update().set("status", MailStatus.SENT).set("to", to)
                .set("sentAt", at).unset("leaseOwner").unset("leaseUntil").unset("lastError"), MailJob.class)
                .getMatchedCount() == 1;
    }

    void reschedule(MailJob mail, String owner, String error, Instant nextAttemptAt) {
        mongo.updateFirst(leased(mail, owner), new Update().set("status", MailStatus.PENDING)
                .set("nextAttemptAt", nextAttemptAt).set("lastError", error).unset("leaseOwner").unset("leaseUntil"),
                MailJob.class);
    }

    void fail(MailJob mail, String owner, String to, String error) {
        Update update = new Update().set("status", MailStatus.FAILED).set("lastError", error)
                .unset("leaseOwner").unset("leaseUntil");
        if (to != null) {
            update.set("to", to);
        }
        mongo.updateFirst(leased(mail, owner), update, MailJob.class);
    }

    /** Puts a failed mail back in the queue for a fresh round of attempts; false if it is not failed. */
    boolean retry(UUID id, Instant now) {
        return mongo.updateFirst(query(where("_id").is(id.toString()).and("status").is(MailStatus.FAILED)),
                new Update().set("status", MailStatus.PENDING).set("attempts", 0).set("nextAttemptAt", now),
                MailJob.class).getMatchedCount() == 1;
    }

    Optional<MailJob> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), MailJob.class));
    }

    List<MailJob> page(Query filter, int page, int size) {
        return mongo.find(Query.of(filter).with(Sort.by(Sort.Direction.DESC, "lastAttemptAt"))
                .skip((long) page * size).limit(size), MailJob.class);
    }

    long count(Query filter) {
        return mongo.count(filter, MailJob.class);
    }

    long deleteAllOf(UUID recipientId) {
        return mongo.remove(query(where("recipientId").is(recipientId.toString())), MailJob.class).getDeletedCount();
    }

    long deleteSentBefore(Instant before) {
        return mongo.remove(query(where("status").is(MailStatus.SENT).and("sentAt").lt(before)), MailJob.class)
                .getDeletedCount();
    }

    private static Query leased(MailJob mail, String owner) {
        return query(where("_id").is(mail.id()).and("status").is(MailStatus.SENDING).and("leaseOwner").is(owner));
    }
}
