package io.skillwise.review.replica;

import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.kit.messaging.IncomingEvent;
import io.skillwise.kit.messaging.MongoInbox;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The enrollment replica (collection {@value Enrollment#COLLECTION}), one document per enrollment id. */
@Repository
class EnrollmentRepository {

    private final MongoTemplate mongo;
    private final MongoInbox inbox;

    EnrollmentRepository(MongoTemplate mongo, MongoInbox inbox) {
        this.mongo = mongo;
        this.inbox = inbox;
        mongo.indexOps(Enrollment.COLLECTION).createIndex(
                new Index().on("studentId", Sort.Direction.ASC).on("courseId", Sort.Direction.ASC));
    }

    Optional<Enrollment> find(UUID enrollmentId) {
        return Optional.ofNullable(mongo.findById(enrollmentId, Enrollment.class));
    }

    List<Enrollment> of(UUID studentId, UUID courseId) {
        return mongo.find(query(where("studentId").is(studentId).and("courseId").is(courseId)), Enrollment.class);
    }

    /**
     * Writes the enrollment's new state unless this event was applied before; creates the document when the
     * enrollment is new to us.
     */
    boolean apply(IncomingEvent incoming, EnrollmentEvent event, UUID instructorId, EnrollmentState status,
                  boolean completed, RevocationReason revocationReason, Instant now) {
        Update update = new Update().set("courseId", event.courseId()).set("studentId", event.studentId())
                .set("status", status).set("completed", completed).set("updatedAt", now);
        if (instructorId != null) {
            update.set("instructorId", instructorId);
        }
        if (revocationReason == null) {
            update.unset("revocationReason");
        } else {
            update.set("revocationReason", revocationReason);
        }
        return inbox.upsertOnce(incoming, query(where("_id").is(event.enrollmentId())), update, Enrollment.class);
    }
}
