package io.skillwise.events.mother;

import static io.skillwise.events.mother.Samples.ADMIN;
import static io.skillwise.events.mother.Samples.ATTEMPT;
import static io.skillwise.events.mother.Samples.COURSE;
import static io.skillwise.events.mother.Samples.DISPUTE;
import static io.skillwise.events.mother.Samples.ENROLLMENT;
import static io.skillwise.events.mother.Samples.INSTRUCTOR;
import static io.skillwise.events.mother.Samples.NOW;
import static io.skillwise.events.mother.Samples.ORDER;
import static io.skillwise.events.mother.Samples.QUIZ_LESSON;
import static io.skillwise.events.mother.Samples.STUDENT;
import static io.skillwise.events.mother.Samples.SUBSCRIPTION;
import static io.skillwise.events.mother.Samples.VIDEO_LESSON;

import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.QuizGraded;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.enrollment.StudentEnrolled;

/** Enrollment events of one learner in one course. */
public final class Enrollments {

    private Enrollments() {
    }

    public static StudentEnrolled enrolledByPurchase() {
        return new StudentEnrolled(ENROLLMENT, COURSE, STUDENT, INSTRUCTOR, EnrollmentSource.PURCHASE, ORDER, null,
                NOW, NOW);
    }

    public static StudentEnrolled enrolledBySubscription() {
        return new StudentEnrolled(ENROLLMENT, COURSE, STUDENT, INSTRUCTOR, EnrollmentSource.SUBSCRIPTION, null,
                SUBSCRIPTION, NOW, NOW);
    }

    public static StudentEnrolled enrolledFree() {
        return new StudentEnrolled(ENROLLMENT, COURSE, STUDENT, INSTRUCTOR, EnrollmentSource.FREE, null, null,
                NOW, NOW);
    }

    public static LessonCompleted lessonCompleted() {
        return new LessonCompleted(ENROLLMENT, COURSE, STUDENT, VIDEO_LESSON, 1, 3, 33, NOW);
    }

    public static QuizGraded quizPassed() {
        return new QuizGraded(ENROLLMENT, COURSE, STUDENT, QUIZ_LESSON, ATTEMPT, 2, 100, 70, true, 100, NOW);
    }

    public static CourseCompleted completed() {
        return new CourseCompleted(ENROLLMENT, COURSE, STUDENT, INSTRUCTOR, "SW-7Q2K-9XPA", NOW, NOW);
    }

    public static EnrollmentRevoked revokedByRefund() {
        return new EnrollmentRevoked(ENROLLMENT, COURSE, STUDENT, RevocationReason.REFUNDED, ORDER, null, null, NOW);
    }

    public static EnrollmentRevoked revokedBySubscriptionEnd() {
        return new EnrollmentRevoked(ENROLLMENT, COURSE, STUDENT, RevocationReason.SUBSCRIPTION_ENDED, null,
                SUBSCRIPTION, null, NOW);
    }

    public static EnrollmentRevoked revokedByAdmin() {
        return new EnrollmentRevoked(ENROLLMENT, COURSE, STUDENT, RevocationReason.ADMIN, null, null, ADMIN, NOW);
    }

    public static EnrollmentSuspended suspended() {
        return new EnrollmentSuspended(ENROLLMENT, COURSE, STUDENT, ORDER, DISPUTE, NOW);
    }

    public static EnrollmentRestored restored() {
        return new EnrollmentRestored(ENROLLMENT, COURSE, STUDENT, ORDER, DISPUTE, NOW);
    }
}
