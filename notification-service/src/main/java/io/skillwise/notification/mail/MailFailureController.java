package io.skillwise.notification.mail;

import io.skillwise.kit.web.PageView;
import io.skillwise.notification.mail.MailService.FailureFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Mail that does not go out, for admins: what failed, why, and a way to try again once the cause is fixed. */
@RestController
@RequestMapping("/api/v1/admin/notifications/failures")
@PreAuthorize("hasRole('admin')")
@Tag(name = "Notification admin", description = "Mail delivery problems")
class MailFailureController {

    private final MailService mails;

    MailFailureController(MailService mails) {
        this.mails = mails;
    }

    @GetMapping
    @Operation(summary = "List mail that failed",
            description = "Most recent attempt first. `status=FAILED` (default): given up; `RETRYING`: failed at "
                    + "least once and waiting for the next attempt (e.g. while the SMTP server is down); `ALL`: both.")
    @ApiResponse(responseCode = "200", description = "One page of failed mails")
    @ApiResponse(responseCode = "400", description = "Unknown status, page below 0 or size outside 1..100")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    PageView<MailFailureView> list(
            @Parameter(description = "FAILED, RETRYING or ALL") @RequestParam(defaultValue = "FAILED") FailureFilter status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return mails.failures(status, page, size);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Retry a failed mail",
            description = "Puts a FAILED mail back in the queue with a fresh round of attempts, due now.")
    @ApiResponse(responseCode = "200", description = "The mail, queued again")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @ApiResponse(responseCode = "404", description = "No such mail")
    @ApiResponse(responseCode = "409", description = "The mail is not FAILED (it is queued, being sent or sent)")
    MailFailureView retry(@PathVariable UUID id) {
        return mails.retry(id);
    }
}
