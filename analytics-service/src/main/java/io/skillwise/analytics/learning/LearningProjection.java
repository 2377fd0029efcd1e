package io.skillwise.analytics.learning;

import static io.skillwise.analytics.projection.EventBatch.onePerKey;

import io.skillwise.analytics.projection.Delivered;
import io.skillwise.analytics.projection.EventBatch;
import io.skillwise.analytics.projection.Projection;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.QuizGraded;
import io.skillwise.events.enrollment.StudentEnrolled;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Enrollments and learning activity from {@code enrollment.enrollment.v1}. An enrollment's access (active, suspended,
 * revoked) is the one its latest event gave it; its completion never goes back; a completed lesson and a graded quiz
 * attempt count once each, on the day they happened.
 */
@Component
class LearningProjection implements Projection {


    private final LearningRepository learning;

    LearningProjection(LearningRepository learning) {
        this.learning = learning;
    }

    @Override
    public void apply(EventBatch batch) {
        List<Delivered<StudentEnrolled>> enrolled = batch.deliveries(StudentEnrolled.class);
        if (enrolled.isEmpty() && batch.deliveries(EnrollmentEvent.class).isEmpty()) {
            return;
        }
        learning.oneWriterAtATime();
        Map<UUID, UUID> owners = new LinkedHashMap<>();
        enrolled.forEach(d -> owners.put(d.event().courseId(), d.event().instructorId()));
        learning.owners(owners);
        Map<UUID, Instant> firstEnrolled = new HashMap<>();
        enrolled.forEach(d -> firstEnrolled.merge(d.event().enrollmentId(), d.event().enrolledAt(),
                (a, b) -> a.isBefore(b) ? a : b));
        learning.enrolled(onePerKey(enrolled, d -> d.event().enrollmentId(), latest()).stream()
                .map(d -> new LearningRepository.Enrolled(d.event().enrollmentId(), d.event().courseId(),
                        d.event().studentId(), d.event().source().name(), d.event().occurredAt(),
                        firstEnrolled.get(d.event().enrollmentId())))
                .toList());
        List<Delivered<EnrollmentEvent>> accessChanges = batch.deliveries(EnrollmentEvent.class).stream()
                .filter(d -> access(d.event()) != null).toList();
        learning.access(onePerKey(accessChanges, d -> d.event().enrollmentId(), latest()).stream()
                .map(d -> new LearningRepository.Access(d.event().enrollmentId(), d.event().courseId(),
                        d.event().studentId(), access(d.event()), d.event().occurredAt()))
                .toList());
        learning.completed(onePerKey(batch.events(CourseCompleted.class), CourseCompleted::enrollmentId,
                Comparator.comparing(CourseCompleted::completedAt).reversed()));
        learning.lessonsCompleted(onePerKey(batch.events(LessonCompleted.class),
                e -> e.enrollmentId() + "/" + e.lessonId(), Comparator.comparing(LessonCompleted::occurredAt).reversed()));
        learning.quizzesGraded(onePerKey(batch.events(QuizGraded.class), QuizGraded::attemptId,
                Comparator.comparing(QuizGraded::occurredAt)));
    }

    /** The later of two events of one enrollment: by time, then by place on its partition. */
    private static <E extends EnrollmentEvent> Comparator<Delivered<E>> latest() {
        return Comparator.<Delivered<E>, Instant>comparing(d -> d.event().occurredAt())
                .thenComparingLong(Delivered::offset);
    }

    /** The access an event leaves the enrollment with; null for events that do not change it. */
    private static String access(EnrollmentEvent event) {
        return switch (event) {
            case StudentEnrolled e -> "ACTIVE";
            case EnrollmentRestored e -> "ACTIVE";
            case EnrollmentSuspended e -> "SUSPENDED";
            case EnrollmentRevoked e -> "REVOKED";
            default -> null;
        };
    }
}
