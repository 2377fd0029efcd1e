package io.skillwise.notification.preference;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.notification.preference.PreferenceViews.PreferencesView;
import io.skillwise.notification.preference.PreferenceViews.QuietHoursRequest;
import io.skillwise.notification.preference.PreferenceViews.QuietHoursView;
import io.skillwise.notification.preference.PreferenceViews.UpdatePreferencesRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notification preferences. */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
@Tag(name = "Notifications")
class PreferenceController {

    private final PreferenceService preferences;

    PreferenceController(PreferenceService preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "My notification preferences",
            description = "Every kind of notification with where it reaches me: in the app, by e-mail, both or neither "
                    + "(off). Kinds I never chose show their defaults. Essential kinds always come by e-mail.")
    @ApiResponse(responseCode = "200", description = "One entry per kind")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    PreferencesView get() {
        return preferences.view(CurrentUser.require());
    }

    @PutMapping
    @Operation(summary = "Change my notification preferences",
            description = "Sets the listed kinds; kinds not listed keep their setting. `inApp: false, email: false` "
                    + "turns a kind off. The e-mail of essential kinds (account, receipts, billing, access) cannot be "
                    + "turned off. One invalid entry refuses the whole request and changes nothing.")
    @ApiResponse(responseCode = "200", description = "All preferences after the change")
    @ApiResponse(responseCode = "400", description = "Unknown kind, a kind listed twice, a missing field, or essential e-mail turned off")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    PreferencesView put(@Valid @RequestBody UpdatePreferencesRequest request) {
        return preferences.update(CurrentUser.require(), request);
    }

    @PutMapping("/quiet-hours")
    @Operation(summary = "Set my quiet hours",
            description = "A daily window (`start`, `end` as HH:mm in `timeZone`, an IANA zone) during which reminders "
                    + "(lesson, deadline, inactivity, checkout and instructors' reminders) wait; each arrives when the "
                    + "window ends, once. A `start` after the `end` spans midnight. Replaces any earlier window. Other "
                    + "notifications are not held back.")
    @ApiResponse(responseCode = "200", description = "The window now in force")
    @ApiResponse(responseCode = "400", description = "A time that is not HH:mm, an unknown time zone, start equal to end, or a missing field")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    QuietHoursView putQuietHours(@Valid @RequestBody QuietHoursRequest request) {
        return preferences.setQuietHours(CurrentUser.require(), request);
    }

    @DeleteMapping("/quiet-hours")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove my quiet hours",
            description = "Reminders reach me at any time again. Removing quiet hours that are not set is fine.")
    @ApiResponse(responseCode = "204", description = "No quiet hours any more")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    void deleteQuietHours() {
        preferences.clearQuietHours(CurrentUser.require());
    }
}
