package io.skillwise.notification.announcement;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.notification.announcement.AnnouncementViews.AnnouncementView;
import io.skillwise.notification.announcement.AnnouncementViews.PostAnnouncementRequest;
import io.skillwise.notification.replica.Course;
import io.skillwise.notification.replica.CourseReplica;
import io.skillwise.notification.replica.Enrollment;
import io.skillwise.notification.replica.EnrollmentReplica;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Announcements of a course: its instructor posts them, its learners with access (and the instructor, and admins)
 * read them. Posting only stores the announcement; {@link AnnouncementFanOut} tells the learners right after.
 */
@Service
class AnnouncementService {

    private final AnnouncementRepository announcements;
    private final AnnouncementFanOut fanOut;
    private final CourseReplica courses;
    private final EnrollmentReplica enrollments;
    private final Clock clock;

    AnnouncementService(AnnouncementRepository announcements, AnnouncementFanOut fanOut, CourseReplica courses,
                        EnrollmentReplica enrollments, Clock clock) {
        this.announcements = announcements;
        this.fanOut = fanOut;
        this.courses = courses;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    /** Only the course's own instructor posts; the learners enrolled now are told asynchronously. */
    AnnouncementView post(CurrentUser caller, UUID courseId, PostAnnouncementRequest request) {
        Course course = courses.find(courseId).orElseThrow(() -> ApiException.notFound("course"));
        Ownership.requireOwner(caller, course.instructorId());
        Announcement stored = announcements.insert(new Announcement(UUID.randomUUID().toString(), courseId.toString(),
                caller.id().toString(), request.title().strip(), request.body().strip(), request.alsoEmail(),
                clock.instant(), Announcement.Status.PENDING, null, null, 0, null, null));
        fanOut.wake();
        return AnnouncementView.of(stored, true);
    }

    PageView<AnnouncementView> list(CurrentUser caller, UUID courseId, int page, int size) {
        PageView.check(page, size);
        boolean manages = requireReader(caller, courseId);
        List<AnnouncementView> items = announcements.page(courseId, page, size).stream()
                .map(announcement -> AnnouncementView.of(announcement, manages)).toList();
        return PageView.of(items, page, size, announcements.count(courseId));
    }

    AnnouncementView get(CurrentUser caller, UUID courseId, UUID id) {
        boolean manages = requireReader(caller, courseId);
        return announcements.find(id).filter(announcement -> announcement.courseId().equals(courseId.toString()))
                .map(announcement -> AnnouncementView.of(announcement, manages))
                .orElseThrow(() -> ApiException.notFound("announcement"));
    }

    /**
     * The course's instructor, admins and its learners with access may read its announcements; a suspended or revoked
     * learner and everyone else may not.
     *
     * @return whether the caller manages the course (instructor or admin), who also sees how far delivery has got
     */
    private boolean requireReader(CurrentUser caller, UUID courseId) {
        Course course = courses.find(courseId).orElseThrow(() -> ApiException.notFound("course"));
        if (Ownership.isOwnerOrAdmin(caller, course.instructorId())) {
            return true;
        }
        if (enrollments.find(courseId, caller.id()).filter(Enrollment::hasAccess).isEmpty()) {
            throw ApiException.forbidden("only the course's learners and its instructor read its announcements");
        }
        return false;
    }
}
