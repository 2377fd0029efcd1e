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
            @Schema(description = "What it is about") String description,
            @Schema(description = "Essential mail (account, receipts, billing, access) always goes out; its email cannot be turned off")
            boolean essential,
            boolean inApp,
            boolean email) {
    }

    record PreferencesView(List<PreferenceView> preferences) {
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
