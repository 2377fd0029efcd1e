package io.skillwise.notification.replica;

import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.kit.messaging.IncomingEvent;
import io.skillwise.kit.messaging.MongoInbox;
import io.skillwise.notification.MongoDocuments;
import io.skillwise.notification.replica.Enrollment.Status;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The enrollments replica, fed by {@code enrollment.enrollment.v1}: who takes which course, for notices to a
 * course's learners (and, later, announcements, discussions and reminders). An enrollment's events share a partition,
 * so they arrive in order; the kit's {@link MongoInbox} applies each once.
 */
@Service
public class EnrollmentReplica {

    private static final List<String> WITH_ACCESS = List.of(Status.ACTIVE.name(), Status.COMPLETED.name());

    private final MongoTemplate mongo;
    private final MongoInbox inbox;

    EnrollmentReplica(MongoTemplate mongo, MongoInbox inbox) {
        this.mongo = mongo;
        this.inbox = inbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        MongoDocuments.ensureIndexes(mongo, EnrollmentDocument.class,
                new Index().on("courseId", Sort.Direction.ASC).on("status", Sort.Direction.ASC),
                new Index().on("studentId", Sort.Direction.ASC));
    }

    void apply(IncomingEvent incoming, EnrollmentEvent event) {
        Status status = switch (event) {
            case StudentEnrolled ignored -> Status.ACTIVE;
            case CourseCompleted ignored -> Status.COMPLETED;
            case EnrollmentSuspended ignored -> Status.SUSPENDED;
            case EnrollmentRestored ignored -> Status.ACTIVE;
            case EnrollmentRevoked ignored -> Status.REVOKED;
            default -> null;                                    // progress and grades change nothing here
        };
        if (status == null) {
            return;
        }
        Update update = new Update().set("courseId", event.courseId().toString())
                .set("studentId", event.studentId().toString()).set("status", status.name());
        if (event instanceof StudentEnrolled enrolled) {
            update.set("enrolledAt", enrolled.enrolledAt());
        }
        inbox.upsertOnce(incoming, query(where("_id").is(event.enrollmentId().toString())), update,
                EnrollmentDocument.class);
    }

    /** The learners who may open the course now (active or completed), each once. */
    public List<UUID> learnersOf(UUID courseId) {
        Query learners = query(where("courseId").is(courseId.toString()).and("status").in(WITH_ACCESS));
        learners.fields().include("studentId");
        return mongo.find(learners, Document.class, EnrollmentDocument.COLLECTION).stream()
                .map(document -> UUID.fromString(document.getString("studentId"))).distinct().toList();
    }

    /** Those of {@code candidates} who may open the course now: a few ids checked, not every learner read. */
    public Set<UUID> learnersAmong(UUID courseId, Collection<UUID> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        Query learners = query(where("courseId").is(courseId.toString()).and("status").in(WITH_ACCESS)
                .and("studentId").in(candidates.stream().map(UUID::toString).toList()));
        learners.fields().include("studentId");
        return mongo.find(learners, Document.class, EnrollmentDocument.COLLECTION).stream()
                .map(document -> UUID.fromString(document.getString("studentId")))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The learners who may open the course now and were enrolled by {@code enrolledBy} (an enrollment whose start this
     * replica has not seen counts), each once: the audience of something posted at that time.
     */
    public List<UUID> learnersOf(UUID courseId, Instant enrolledBy) {
        Query learners = query(where("courseId").is(courseId.toString()).and("status").in(WITH_ACCESS)
                .orOperator(where("enrolledAt").lte(enrolledBy), where("enrolledAt").exists(false)));
        learners.fields().include("studentId");
        return mongo.find(learners, Document.class, EnrollmentDocument.COLLECTION).stream()
                .map(document -> UUID.fromString(document.getString("studentId"))).distinct().toList();
    }

    /** The learner's enrollment in the course, whatever its status (the newest if there were several). */
    public Optional<Enrollment> find(UUID courseId, UUID studentId) {
        Query query = query(where("courseId").is(courseId.toString()).and("studentId").is(studentId.toString()));
        return mongo.find(query, EnrollmentDocument.class).stream().map(EnrollmentReplica::toEnrollment)
                .max(Comparator.comparing(Enrollment::hasAccess));
    }

    /** Forgets every enrollment of a deleted account. */
    public void erase(UUID studentId) {
        mongo.remove(query(where("studentId").is(studentId.toString())), EnrollmentDocument.class);
    }

    private static Enrollment toEnrollment(EnrollmentDocument document) {
        return new Enrollment(UUID.fromString(document.id()), UUID.fromString(document.courseId()),
                UUID.fromString(document.studentId()), Status.valueOf(document.status()), document.enrolledAt());
    }
}
