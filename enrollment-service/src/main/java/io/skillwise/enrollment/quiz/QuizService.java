package io.skillwise.enrollment.quiz;

import io.skillwise.enrollment.replica.Course;
import io.skillwise.enrollment.replica.CurriculumService;
import io.skillwise.enrollment.replica.Lesson;
import io.skillwise.enrollment.enrollment.Enrollment;
import io.skillwise.enrollment.enrollment.EnrollmentService;
import io.skillwise.enrollment.progress.ProgressService;
import io.skillwise.events.catalog.QuizOutline;
import io.skillwise.events.enrollment.QuizGraded;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Grades quiz attempts against the replicated answer key; a pass completes the quiz lesson. */
@Service
public class QuizService {

    /** The answer to an attempt: the grade only, never the answer key. */
    public record AttemptView(UUID attemptId, @Schema(example = "2") int attemptNumber,
                              @Schema(description = "Percent of questions right", example = "80") int score,
                              @Schema(example = "70") int passScore, boolean passed,
                              @Schema(example = "80") int bestScore,
                              @Schema(description = "Absent when attempts are unlimited", example = "1")
                              Integer attemptsLeft) {
    }

    private final QuizAttemptRepository attempts;
    private final CurriculumService curriculum;
    private final EnrollmentService enrollments;
    private final ProgressService progress;
    private final EventPublisher events;
    private final Clock clock;

    public QuizService(QuizAttemptRepository attempts, CurriculumService curriculum, EnrollmentService enrollments,
                       ProgressService progress, EventPublisher events, Clock clock) {
        this.attempts = attempts;
        this.curriculum = curriculum;
        this.enrollments = enrollments;
        this.progress = progress;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AttemptView attempt(UUID lessonId, List<QuizGrader.Answer> answers, CurrentUser user) {
        Course course = curriculum.courseOfLesson(lessonId)
                .orElseThrow(() -> ApiException.notFound("lesson " + lessonId));
        // the lock serialises attempts of one learner, so attempt numbers and limits hold under double submits
        Enrollment enrollment = enrollments.lockOwnInCourse(course.id(), user)
                .orElseThrow(() -> ApiException.forbidden("enrol in course " + course.id() + " to take its quizzes"));
        ProgressService.requireAccess(enrollment);
        Lesson lesson = course.lesson(lessonId).orElseThrow();
        QuizOutline quiz = lesson.quizOutline()
                .orElseThrow(() -> ApiException.badRequest("lesson " + lessonId + " has no quiz"));
        Instant now = clock.instant();
        ProgressService.requireOpen(lesson, enrollment, now);
        int previous = attempts.count(enrollment.id(), lessonId);
        if (quiz.maxAttempts() != null && previous >= quiz.maxAttempts()) {
            throw new ApiException(HttpStatus.CONFLICT, "attempts-exhausted",
                    "All " + quiz.maxAttempts() + " attempts at this quiz have been used.");
        }
        int score;
        try {
            score = QuizGrader.score(quiz, answers);
        } catch (QuizGrader.InvalidAnswersException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        boolean passed = QuizGrader.passed(quiz, score);
        int best = Math.max(score, attempts.bestScore(enrollment.id(), lessonId));
        UUID attemptId = UUID.randomUUID();
        int number = previous + 1;
        attempts.insert(attemptId, enrollment.id(), lessonId, number, score, passed, answers, now);
        events.publish(new QuizGraded(enrollment.id(), enrollment.courseId(), enrollment.studentId(), lessonId,
                attemptId, number, score, quiz.passScore(), passed, best, now));
        if (passed) {
            progress.completeLesson(enrollment, course, lesson, user);
        }
        Integer left = quiz.maxAttempts() == null ? null : quiz.maxAttempts() - number;
        return new AttemptView(attemptId, number, score, quiz.passScore(), passed, best, left);
    }

    /** Quiz results of several enrollments in one query; enrollments without attempts are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, List<QuizAttemptRepository.QuizResult>> resultsOf(Collection<UUID> enrollmentIds) {
        return attempts.resultsOf(enrollmentIds);
    }

    @Transactional(readOnly = true)
    public List<QuizAttemptRepository.QuizResult> results(UUID enrollmentId) {
        return attempts.results(enrollmentId);
    }
}
