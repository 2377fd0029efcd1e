package io.skillwise.enrollment.instructor;

import io.skillwise.kit.web.PageView;
import io.skillwise.enrollment.activity.ActivityService;
import io.skillwise.enrollment.activity.LessonActivityRepository;
import io.skillwise.enrollment.replica.Course;
import io.skillwise.enrollment.replica.CurriculumService;
import io.skillwise.enrollment.enrollment.Enrollment;
import io.skillwise.enrollment.enrollment.EnrollmentService;
import io.skillwise.enrollment.progress.ProgressService;
import io.skillwise.enrollment.enrollment.ProgressSummary;
import io.skillwise.enrollment.quiz.QuizAttemptRepository;
import io.skillwise.enrollment.quiz.QuizService;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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
        // one query per figure for the whole page, not per student: the page costs the same for 1 or 100 students
        List<UUID> ids = found.items().stream().map(Enrollment::id).toList();
        Map<UUID, ProgressSummary> summaries = progress.summaries(found.items());
        Map<UUID, Instant> lastLearning = progress.lastActivityOf(ids);
        Map<UUID, LessonActivityRepository.Totals> engagements = activity.totalsOf(ids);
        Map<UUID, List<QuizAttemptRepository.QuizResult>> results = quizzes.resultsOf(ids);
        return found.map(enrollment -> {
            LessonActivityRepository.Totals engagement =
                    engagements.getOrDefault(enrollment.id(), LessonActivityRepository.Totals.NONE);
            Instant lastActivity = Stream.concat(Stream.ofNullable(lastLearning.get(enrollment.id())),
                    Stream.ofNullable(engagement.lastActivityAt())).max(Comparator.naturalOrder()).orElse(null);
            return new StudentView(enrollment.studentId(), enrollment.id(), enrollment.status().name(),
                    enrollment.startedAt(), enrollment.completedAt(), summaries.get(enrollment.id()), lastActivity,
                    new StudentView.Engagement(engagement.secondsSpent(), engagement.views(),
                            engagement.attendedLiveLessons()),
                    results.getOrDefault(enrollment.id(), List.of()).stream()
                            .map(r -> new StudentView.QuizScore(r.lessonId(), r.bestScore(), r.attempts(), r.passed()))
                            .toList());
        });
    }
}
