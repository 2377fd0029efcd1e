package io.skillwise.enrollment.instructor;

import io.skillwise.enrollment.PageView;
import io.skillwise.enrollment.activity.ActivityService;
import io.skillwise.enrollment.activity.LessonActivityRepository;
import io.skillwise.enrollment.curriculum.Course;
import io.skillwise.enrollment.curriculum.CurriculumService;
import io.skillwise.enrollment.enrollment.Enrollment;
import io.skillwise.enrollment.enrollment.EnrollmentService;
import io.skillwise.enrollment.progress.ProgressService;
import io.skillwise.enrollment.progress.ProgressSummary;
import io.skillwise.enrollment.quiz.QuizService;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** What an instructor sees of the learners of their own courses. */
@Service
public class InstructorService {

    private final CurriculumService curriculum;
    private final EnrollmentService enrollments;
    private final ProgressService progress;
    private final QuizService quizzes;
    private final ActivityService activity;

    public InstructorService(CurriculumService curriculum, EnrollmentService enrollments, ProgressService progress,
                             QuizService quizzes, ActivityService activity) {
        this.activity = activity;
        this.curriculum = curriculum;
        this.enrollments = enrollments;
        this.progress = progress;
        this.quizzes = quizzes;
    }

    @Transactional(readOnly = true)
    public PageView<StudentView> students(UUID courseId, CurrentUser user, int page, int size) {
        Course course = curriculum.find(courseId).orElseThrow(() -> ApiException.notFound("course " + courseId));
        // the replica knows the owner, so no call to the catalog is needed to decide
        Ownership.requireOwnerOrAdmin(user, course.instructorId());
        PageView<Enrollment> found = enrollments.ofCourse(courseId, page, size);
        Map<UUID, ProgressSummary> summaries = progress.summaries(found.items());
        return found.map(enrollment -> {
            LessonActivityRepository.Totals engagement = activity.totals(enrollment.id());
            Instant lastActivity = Stream.concat(progress.lastActivity(enrollment.id()).stream(),
                    Stream.ofNullable(engagement.lastActivityAt())).max(Comparator.naturalOrder()).orElse(null);
            return new StudentView(enrollment.studentId(), enrollment.id(), enrollment.status().name(),
                    enrollment.startedAt(), enrollment.completedAt(), summaries.get(enrollment.id()), lastActivity,
                    new StudentView.Engagement(engagement.secondsSpent(), engagement.views(),
                            engagement.attendedLiveLessons()),
                    quizzes.results(enrollment.id()).stream()
                            .map(r -> new StudentView.QuizScore(r.lessonId(), r.bestScore(), r.attempts(), r.passed()))
                            .toList());
        });
    }
}
