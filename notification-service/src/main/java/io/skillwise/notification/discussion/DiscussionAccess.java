package io.skillwise.notification.discussion;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.notification.replica.Course;
import io.skillwise.notification.replica.CourseReplica;
import io.skillwise.notification.replica.Enrollment;
import io.skillwise.notification.replica.EnrollmentReplica;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may do what in a course's discussions, from the replicas this service keeps (catalog's courses, enrollment's
 * enrollments): its learners with access (active or completed) and its instructor read and write, admins read and
 * moderate, everybody else nothing. A course the catalog replica does not know is 404.
 */
@Component
class DiscussionAccess {

    private final CourseReplica courses;
    private final EnrollmentReplica enrollments;

    DiscussionAccess(CourseReplica courses, EnrollmentReplica enrollments) {
        this.courses = courses;
        this.enrollments = enrollments;
    }

    /** The caller may read the course's discussions; who they are in it. */
    Participant reader(CurrentUser caller, UUID courseId) {
        Course course = courses.find(courseId).orElseThrow(() -> ApiException.notFound("course"));
        boolean instructor = course.instructorId().equals(caller.id());
        if (instructor || caller.isAdmin()) {
            return new Participant(caller, course, instructor, true);
        }
        if (enrollments.find(courseId, caller.id()).filter(Enrollment::hasAccess).isEmpty()) {
            throw ApiException.forbidden("only the course's learners, its instructor and admins read its discussions");
        }
        return new Participant(caller, course, false, false);
    }

    /** The caller may write in the course's discussions: a learner with access or the instructor. */
    Participant writer(CurrentUser caller, UUID courseId) {
        Participant participant = reader(caller, courseId);
        if (!participant.mayPost()) {
            throw ApiException.forbidden("only the course's learners and its instructor post in its discussions");
        }
        return participant;
    }

    /**
     * The caller in one course's discussions.
     *
     * @param instructor the course's own instructor
     * @param moderates  the instructor or an admin: pins, locks, marks answers, deletes others' posts
     */
    record Participant(CurrentUser caller, Course course, boolean instructor, boolean moderates) {

        String id() {
            return caller.id().toString();
        }

        boolean isAdmin() {
            return caller.isAdmin();
        }

        /** Admins read and moderate, but take no part: only the instructor and learners post. */
        boolean mayPost() {
            return instructor || !moderates;
        }

        void requireModerator() {
            if (!moderates) {
                throw ApiException.forbidden("only the course's instructor and admins pin, lock and mark answers");
            }
        }
    }
}
