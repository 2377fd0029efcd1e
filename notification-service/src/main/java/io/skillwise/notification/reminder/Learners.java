package io.skillwise.notification.reminder;

import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.notification.MongoDocuments;
import org.bson.Document;
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

/**
 * The enrollments reminders follow. Every change is an idempotent update (sets, {@code $addToSet}, {@code $max}), so a
 * redelivered event changes nothing; an enrollment's events share a partition and arrive in order.
 */
@Repository
class Learners {

    private final MongoTemplate mongo;

    Learners(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        MongoDocuments.ensureIndexes(mongo, Learner.class,
                new Index().on("courseId", Sort.Direction.ASC).on("status", Sort.Direction.ASC),
                new Index().on("studentId", Sort.Direction.ASC));
    }

    /** Applies the event; answers the enrollment as it is now, or empty for events reminders ignore. */
    Optional<Learner> apply(EnrollmentEvent event) {
        Update update = new Update().set("courseId", event.courseId().toString())
                .set("studentId", event.studentId().toString());
        switch (event) {
            case StudentEnrolled enrolled -> update.set("status", Learner.ACTIVE).set("enrolledAt", enrolled.enrolledAt())
                    .max("lastActivityAt", enrolled.enrolledAt());
            case LessonCompleted completed -> update.addToSet("completedLessons", completed.lessonId().toString())
                    .max("lastActivityAt", completed.occurredAt()).setOnInsert("status", Learner.ACTIVE);
            case CourseCompleted ignored -> update.set("status", Learner.COMPLETED);
            case EnrollmentSuspended ignored -> update.set("status", "SUSPENDED");
            case EnrollmentRestored ignored -> update.set("status", Learner.ACTIVE);
            case EnrollmentRevoked ignored -> update.set("status", "REVOKED");
            default -> {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(event.enrollmentId().toString())), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Learner.class));
    }

    /** The course's learners who are taking it now. */
    List<Learner> activeIn(UUID courseId) {
        return mongo.find(query(where("courseId").is(courseId.toString()).and("status").is(Learner.ACTIVE)),
                Learner.class);
    }

    Optional<Learner> find(String enrollmentId) {
        return Optional.ofNullable(mongo.findById(enrollmentId, Learner.class));
    }

    /**
     * The learners (all of the course's, or only {@code onlyStudent}) with one of the statuses who have not completed
     * the lesson (any lesson, when it is null), each once.
     */
    List<UUID> studentsOf(String courseId, Collection<String> statuses, String notCompletedLesson, String onlyStudent) {
        Criteria criteria = where("courseId").is(courseId).and("status").in(statuses);
        if (notCompletedLesson != null) {
            criteria.and("completedLessons").ne(notCompletedLesson);
        }
        if (onlyStudent != null) {
            criteria.and("studentId").is(onlyStudent);
        }
        Query students = query(criteria);
        students.fields().include("studentId");
        return mongo.find(students, Document.class, Learner.COLLECTION).stream()
                .map(document -> UUID.fromString(document.getString("studentId"))).distinct().toList();
    }

    /** Whether the student is taking (or took) every one of the courses. */
    boolean takesAll(String studentId, Collection<String> courseIds) {
        Query owned = query(where("studentId").is(studentId).and("courseId").in(courseIds)
                .and("status").in(Learner.ACTIVE, Learner.COMPLETED));
        owned.fields().include("courseId");
        return mongo.find(owned, Document.class, Learner.COLLECTION).stream()
                .map(document -> document.getString("courseId")).distinct().count() == courseIds.size();
    }

    /** Forgets a deleted account's enrollments. */
    void erase(UUID studentId) {
        mongo.remove(query(where("studentId").is(studentId.toString())), Learner.class);
    }

    static Instant lastActivity(Learner learner) {
        return learner.lastActivityAt() != null ? learner.lastActivityAt() : learner.enrolledAt();
    }
}
