package io.skillwise.notification.reminder;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.notification.Notice;
import io.skillwise.notification.reminder.Reminder.Type;
import io.skillwise.notification.reminder.ReminderViews.ReminderView;
import io.skillwise.notification.reminder.ReminderViews.ScheduleReminderRequest;
import io.skillwise.notification.replica.Course;
import io.skillwise.notification.replica.CourseReplica;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reminders an instructor schedules for the learners of their course: only the course's own instructor schedules and
 * cancels them; the instructor and admins list them. They go out at {@code sendAt} to the learners with access then.
 */
@Service
class CourseReminderService {

    private static final Duration HORIZON = Duration.ofDays(365);

    private final ReminderRepository reminders;
    private final CourseReplica courses;
    private final ReminderFiring firing;
    private final Clock clock;

    CourseReminderService(ReminderRepository reminders, CourseReplica courses, ReminderFiring firing, Clock clock) {
        this.reminders = reminders;
        this.courses = courses;
        this.firing = firing;
        this.clock = clock;
    }

    ReminderView schedule(CurrentUser caller, UUID courseId, ScheduleReminderRequest request) {
        Course course = courses.find(courseId).orElseThrow(() -> ApiException.notFound("course"));
        Ownership.requireOwner(caller, course.instructorId());
        Instant now = clock.instant();
        if (!request.sendAt().isAfter(now)) {
            throw ApiException.badRequest("sendAt: must be in the future (it is " + now + " now)");
        }
        if (request.sendAt().isAfter(now.plus(HORIZON))) {
            throw ApiException.badRequest("sendAt: must be at most a year ahead");
        }
        UUID id = UUID.randomUUID();
        Notice notice = new Notice(Type.CUSTOM.kind, request.title().strip(), request.message().strip(),
                "/api/v1/courses/" + courseId);
        Reminder reminder = Reminder.scheduled("custom:" + id, Type.CUSTOM, courseId.toString(), null, null, null,
                request.sendAt(), null, notice, request.alsoEmail(), request.sendAt(), caller.id().toString(), now);
        reminders.insertNew(List.of(reminder));
        firing.wake();
        return ReminderView.of(reminder);
    }

    PageView<ReminderView> list(CurrentUser caller, UUID courseId, int page, int size) {
        PageView.check(page, size);
        Course course = courses.find(courseId).orElseThrow(() -> ApiException.notFound("course"));
        Ownership.requireOwnerOrAdmin(caller, course.instructorId());
        List<ReminderView> items = reminders.page(ofCourse(courseId), Sort.by("fireAt", "_id"), page, size).stream()
                .map(ReminderView::of).toList();
        return PageView.of(items, page, size, reminders.count(ofCourse(courseId)));
    }

    /** Cancels a reminder that has not gone out; one being sent or sent already is a conflict. */
    ReminderView cancel(CurrentUser caller, UUID courseId, UUID reminderId) {
        Course course = courses.find(courseId).orElseThrow(() -> ApiException.notFound("course"));
        Ownership.requireOwner(caller, course.instructorId());
        Reminder reminder = reminders.find(reminderId)
                .filter(found -> found.type() == Type.CUSTOM && courseId.toString().equals(found.courseId())
                        && found.parentId() == null)
                .orElseThrow(() -> ApiException.notFound("reminder"));
        if (!reminders.cancel(reminder.id())) {
            Reminder now = reminders.find(reminderId).orElseThrow(() -> ApiException.notFound("reminder"));
            if (now.status() != Reminder.Status.CANCELLED) {
                throw ApiException.conflict("the reminder was sent already (status " + ReminderView.of(now).status()
                        + "); only a scheduled reminder can be cancelled");
            }
        }
        // copies held back for learners in quiet hours go with it
        reminders.cancel(where("parentId").is(reminder.id()));
        return reminders.find(reminderId).map(ReminderView::of).orElseThrow(() -> ApiException.notFound("reminder"));
    }

    private static Criteria ofCourse(UUID courseId) {
        return where("courseId").is(courseId.toString()).and("type").is(Type.CUSTOM).and("parentId").exists(false);
    }
}
