package io.skillwise.enrollment.instructor;

import io.skillwise.enrollment.enrollment.ProgressSummary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One learner of a course as its instructor sees it. */
public record StudentView(UUID studentId, UUID enrollmentId, String status, Instant startedAt, Instant completedAt,
                          ProgressSummary progress, Instant lastActivityAt, Engagement engagement,
                          List<QuizScore> quizScores) {

    /** From lesson heartbeats: time spent, lesson views, live lessons attended. */
    public record Engagement(long secondsSpent, int lessonViews, int attendedLiveLessons) {
    }

    public record QuizScore(UUID lessonId, int bestScore, int attempts, boolean passed) {
    }
}
