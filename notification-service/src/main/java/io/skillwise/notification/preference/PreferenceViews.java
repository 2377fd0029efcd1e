package io.skillwise.notification.preference;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What the preferences endpoints take and answer. */
final class PreferenceViews {

    private PreferenceViews() {
    }

    record PreferenceView(
            @Schema(description = "The kind of notification", example = "QUIZ_GRADED") String kind,
            @Schema(description = "What it is about", example = "A quiz of yours was graded") String description,
            @Schema(description = "Essential mail (account, receipts, billing, access) always goes out; its email cannot be turned off")
            boolean essential,
            boolean inApp,
            boolean email) {
    }

    record PreferencesView(List<PreferenceView> preferences,
                           @Schema(description = "When reminders wait; absent when none are set") QuietHoursView quietHours) {
    }

    @Schema(description = "A daily window in the user's time zone during which reminders wait; they arrive when it ends")
    record QuietHoursView(
            @Schema(description = "Local start time, HH:mm", example = "22:00") String start,
            @Schema(description = "Local end time, HH:mm; before the start for a window over midnight", example = "07:00")
            String end,
            @Schema(description = "IANA time zone the times are in", example = "Europe/Berlin") String timeZone) {

        static QuietHoursView of(QuietHours hours) {
            return new QuietHoursView(hours.start().toString(), hours.end().toString(), hours.timeZone().getId());
        }
    }

    record QuietHoursRequest(
            @Schema(description = "Local start time, HH:mm", example = "22:00") @NotBlank @Size(max = 5) String start,
            @Schema(description = "Local end time, HH:mm; before the start for a window over midnight", example = "07:00")
            @NotBlank @Size(max = 5) String end,
            @Schema(description = "IANA time zone the times are in", example = "Europe/Berlin") @NotBlank @Size(max = 64)
            String timeZone) {
    }

    record PreferenceChoice(
            @Schema(example = "QUIZ_GRADED") @NotBlank @Size(max = 64) String kind,
            @Schema(description = "show it in the app") @NotNull Boolean inApp,
            @Schema(description = "send it by e-mail; false for both means off") @NotNull Boolean email) {
    }

    record UpdatePreferencesRequest(
            @Schema(description = "The kinds to change; kinds not listed keep their setting")
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid PreferenceChoice> preferences) {
    }
}
