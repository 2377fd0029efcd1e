package io.skillwise.payment.progress;

import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.LessonCompleted;
import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How far learners got in the courses they bought, from enrollment's events; read by the refund policy. */
@Service
public class ProgressService {

    private final ProgressRepository progress;

    public ProgressService(ProgressRepository progress) {
        this.progress = progress;
    }

    @Transactional
    public void lessonCompleted(LessonCompleted event) {
        progress.raise(event.studentId(), event.courseId(), event.progressPercent(), event.occurredAt());
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
