package io.skillwise.notification.reminder;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.notification.reminder.ReminderViews.ReminderView;
import io.skillwise.notification.reminder.ReminderViews.ScheduleReminderRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Reminders an instructor schedules for the learners of their course. */
@RestController
@RequestMapping("/api/v1/courses/{courseId}/reminders")
@Tag(name = "Reminders", description = "Reminders to a course's learners: scheduled by its instructor (automated "
        + "lesson, deadline, inactivity and checkout reminders need no call)")
class ReminderController {

    private final CourseReminderService reminders;

    ReminderController(CourseReminderService reminders) {
        this.reminders = reminders;
    }

    @OwnedObject("the course's instructor")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Schedule a reminder for the course's learners",
            description = "For the course's own instructor. At `sendAt` every learner with access to the course then "
                    + "(active or completed) gets it in the app, and with `email: true` also by e-mail unless they "
                    + "turned course reminder mail off. A learner in their quiet hours gets it when the window ends. "
                    + "It goes out once, also with several instances of the service running.")
    @ApiResponse(responseCode = "201", description = "Scheduled")
    @ApiResponse(responseCode = "400", description = "Title missing or over 200 characters, message missing or over 2,000, sendAt missing, not in the future or more than a year ahead, an unknown field, or the course id is not a UUID")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    @ApiResponse(responseCode = "403", description = "The caller is not the course's instructor")
    @ApiResponse(responseCode = "404", description = "No such course")
    ReminderView schedule(@PathVariable UUID courseId, @Valid @RequestBody ScheduleReminderRequest request) {
        return reminders.schedule(CurrentUser.require(), courseId, request);
    }

    @OwnedObject("the course's instructor, or an admin")
    @GetMapping
    @Operation(summary = "List the course's scheduled reminders",
            description = "The instructor's reminders of the course, in the order they go out (sent and cancelled "
                    + "ones included, with their status), for the course's instructor and admins.")
    @ApiResponse(responseCode = "200", description = "One page of reminders")
    @ApiResponse(responseCode = "400", description = "page below 0, size outside 1..100, or the course id is not a UUID")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    @ApiResponse(responseCode = "403", description = "Neither the course's instructor nor an admin")
    @ApiResponse(responseCode = "404", description = "No such course")
    PageView<ReminderView> list(@PathVariable UUID courseId, @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        return reminders.list(CurrentUser.require(), courseId, page, size);
    }

    @OwnedObject("the course's instructor")
    @DeleteMapping("/{reminderId}")
    @Operation(summary = "Cancel a scheduled reminder",
            description = "For the course's own instructor, while the reminder has not gone out; answers it with "
                    + "status CANCELLED. Cancelling it again is fine.")
    @ApiResponse(responseCode = "200", description = "The reminder, cancelled")
    @ApiResponse(responseCode = "400", description = "An id is not a UUID")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    @ApiResponse(responseCode = "403", description = "The caller is not the course's instructor")
    @ApiResponse(responseCode = "404", description = "No such course, or no such reminder in it")
    @ApiResponse(responseCode = "409", description = "The reminder is being sent or was sent")
    ReminderView cancel(@PathVariable UUID courseId, @PathVariable UUID reminderId) {
        return reminders.cancel(CurrentUser.require(), courseId, reminderId);
    }
}
