package io.skillwise.analytics.instructor;

import io.skillwise.analytics.course.CourseInfo;
import io.skillwise.analytics.course.CourseService;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.KeycloakRoles;
import io.skillwise.kit.security.SecondFactorPolicy;
import io.skillwise.kit.web.ApiException;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whose figures a caller may see (object-level authorization): an instructor their own, with the second factor that
 * money figures need; an admin any instructor's, named by {@code instructorId}; anyone else nothing.
 */
@Component
public class InstructorScope {

    private final SecondFactorPolicy secondFactor;
    private final CourseService courses;

    InstructorScope(SecondFactorPolicy secondFactor, CourseService courses) {
        this.secondFactor = secondFactor;
        this.courses = courses;
    }

    /** The instructor whose figures the caller asks for ({@code asked} absent: the caller's own). */
    public UUID instructor(CurrentUser caller, UUID asked) {
        if (caller.isAdmin()) {
            if (asked == null) {
                throw ApiException.badRequest("Name the instructor whose figures you want: instructorId is required "
                        + "for admins.");
            }
            return asked;
        }
        if (!caller.hasRole(KeycloakRoles.INSTRUCTOR)) {
            throw new AccessDeniedException("sales figures are for instructors");
        }
        secondFactor.requireForInstructor(caller, "see your sales figures");
        if (asked != null && !asked.equals(caller.id())) {
            throw new AccessDeniedException("these are someone else's figures");
        }
        return caller.id();
    }

    /**
     * A course filter must name one of the instructor's courses: unknown is 404, someone else's 403. Runs inside a
     * read of a projection version.
     */
    public void requireCourseOf(UUID instructorId, UUID courseId) {
        if (courseId == null) {
            return;
        }
        CourseInfo course = courses.find(courseId).filter(found -> !found.deleted())
                .orElseThrow(() -> ApiException.notFound("course " + courseId));
        if (!course.instructorId().equals(instructorId)) {
            throw new AccessDeniedException("course " + courseId + " is someone else's");
        }
    }
}
