package io.skillwise.catalog.course;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Object-level rules for courses, in one place: published courses are visible to everyone, others only to their
 * owner and admins (to everyone else they do not exist: 404); only the owner or an admin changes a course (403).
 */
@Component
class CourseAccess {

    private final CourseRepository courses;

    CourseAccess(CourseRepository courses) {
        this.courses = courses;
    }

    /** The course, whoever asks; callers apply their own visibility rule. */
    Course existing(UUID courseId) {
        return courses.findById(courseId).orElseThrow(() -> notFound(courseId));
    }

    /** The course if the caller may see it. */
    Course visible(UUID courseId, Optional<CurrentUser> caller) {
        Course course = courses.findById(courseId).orElseThrow(() -> notFound(courseId));
        if (!canSee(course, caller)) {
            throw notFound(courseId);
        }
        return course;
    }

    /** The course, locked for the rest of the transaction, if the caller may change it. */
    Course editable(UUID courseId, CurrentUser caller) {
        Course course = courses.lockById(courseId).orElseThrow(() -> notFound(courseId));
        Ownership.requireOwnerOrAdmin(caller, course.instructorId());
        return course;
    }

    static boolean canSee(Course course, Optional<CurrentUser> caller) {
        return course.isPublished() || caller.map(user -> isOwnerOrAdmin(course, user)).orElse(false);
    }

    static boolean isOwnerOrAdmin(Course course, CurrentUser user) {
        return Ownership.isOwnerOrAdmin(user, course.instructorId());
    }

    static ApiException notFound(UUID courseId) {
        return ApiException.notFound("Course " + courseId);
    }
}
