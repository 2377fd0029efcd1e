package io.skillwise.payment.progress;

import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.StudentEnrolled;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far learners got in the courses they bought, from enrollment's events, read by the refund policy; and what
 * subscribers completed through their subscription, read by the subscription revenue share.
 */
@Service
public class ProgressService {

    private final ProgressRepository progress;
    private final SubscriptionConsumptionRepository consumption;

    public ProgressService(ProgressRepository progress, SubscriptionConsumptionRepository consumption) {
        this.progress = progress;
        this.consumption = consumption;
    }

    /**
     * Lessons completed through a subscription in a period, per course (with the instructor it had at enrollment)
     * and lesson.
     *
     * @param completions how many subscribers completed the lesson in the period
     */
    public record LessonConsumption(UUID courseId, UUID instructorId, UUID lessonId, long completions) {
    }

    @Transactional
    public void enrolled(StudentEnrolled event) {
        if (event.source() == EnrollmentSource.SUBSCRIPTION) {
            consumption.enrolled(event.enrollmentId(), event.courseId(), event.instructorId(), event.studentId(),
                    event.enrolledAt());
        }
    }

    @Transactional
    public void lessonCompleted(LessonCompleted event) {
        progress.raise(event.studentId(), event.courseId(), event.progressPercent(), event.occurredAt());
        consumption.lessonCompleted(event.enrollmentId(), event.lessonId(), event.occurredAt());
    }

    /** What subscribers completed through their subscription within {@code [from, to)}. */
    @Transactional(readOnly = true)
    public List<LessonConsumption> subscriptionConsumption(Instant from, Instant to) {
        return consumption.completedBetween(from, to);
    }

    @Transactional
    public void courseCompleted(CourseCompleted event) {
        progress.raise(event.studentId(), event.courseId(), 100, event.occurredAt());
    }

    /** The highest progress of the learner in any of these courses; 0 when nothing was completed. */
    @Transactional(readOnly = true)
    public int highestPercent(UUID studentId, Collection<UUID> courseIds) {
        return courseIds.stream().mapToInt(course -> progress.percent(studentId, course).orElse(0)).max().orElse(0);
    }
}
