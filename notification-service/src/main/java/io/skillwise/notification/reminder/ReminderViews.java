package io.skillwise.notification.reminder;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** What the course reminder endpoints take and answer. */
final class ReminderViews {

    static final int MAX_TITLE = 200;
    static final int MAX_MESSAGE = 2000;

    private ReminderViews() {
    }

    record ScheduleReminderRequest(
            @Schema(description = "One line: the notification's title and the mail's subject", example = "Project due Friday")
            @NotBlank @Size(max = MAX_TITLE) String title,
            @Schema(description = "The reminder's text", example = "Upload your project before Friday 18:00.")
            @NotBlank @Size(max = MAX_MESSAGE) String message,
            @Schema(description = "When it goes out (ISO-8601 instant), in the future and at most a year ahead",
                    example = "2026-12-11T09:00:00Z")
            @NotNull Instant sendAt,
            @Schema(description = "Also send it by e-mail (to each learner whose preferences allow course reminder "
                    + "mail); false or absent: in the app only")
            Boolean email) {

        boolean alsoEmail() {
            return Boolean.TRUE.equals(email);
        }
    }

    record ReminderView(UUID id, UUID courseId, @Schema(example = "Project due Friday") String title,
                        @Schema(example = "Upload your project before Friday 18:00.") String message, Instant sendAt,
                        @Schema(description = "Whether it is also sent by e-mail") boolean email,
                        @Schema(description = "SCHEDULED, SENDING, SENT or CANCELLED",
                                allowableValues = {"SCHEDULED", "SENDING", "SENT", "CANCELLED"}) String status,
                        Instant createdAt,
                        @Schema(description = "When it went out; absent until SENT") Instant sentAt,
                        @Schema(description = "How many learners it reached (those in quiet hours get it when their "
                                + "window ends and are not counted); absent until SENT", example = "212")
                        Integer recipients) {

        static ReminderView of(Reminder reminder) {
            String status = reminder.status() == Reminder.Status.FIRING ? "SENDING" : reminder.status().name();
            return new ReminderView(UUID.fromString(reminder.id()), UUID.fromString(reminder.courseId()),
                    reminder.title(), reminder.text(), reminder.fireAt(), reminder.email(), status,
                    reminder.createdAt(), reminder.firedAt(), reminder.recipients());
        }
    }
}
