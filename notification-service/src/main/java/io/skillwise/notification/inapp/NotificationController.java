package io.skillwise.notification.inapp;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The caller's own in-app notifications; nobody sees or marks another user's. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "In-app notifications of the signed-in user")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    record UnreadCount(@Schema(example = "3") long unread) {
    }

    record MarkedRead(@Schema(description = "How many notifications were unread and are read now", example = "7")
                      long marked) {
    }

    @GetMapping
    @Operation(summary = "List my notifications", description = "Newest first. `unread=true` lists only those not read yet.")
    @ApiResponse(responseCode = "200", description = "One page of notifications")
    @ApiResponse(responseCode = "400", description = "page below 0 or size outside 1..100")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    PageView<NotificationView> list(
            @Parameter(description = "only unread notifications") @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return notifications.list(CurrentUser.require(), unread, page, size);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "Count my unread notifications", description = "For a badge; cheap to poll, or follow the stream.")
    @ApiResponse(responseCode = "200", description = "The number of unread notifications")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    UnreadCount unreadCount() {
        return new UnreadCount(notifications.unreadCount(CurrentUser.require()));
    }

    @OwnedObject("the notification's recipient")
    @PatchMapping("/{id}/read")
    @Operation(summary = "Mark one of my notifications read", description = "Marking it again changes nothing.")
    @ApiResponse(responseCode = "200", description = "The notification, read")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    @ApiResponse(responseCode = "403", description = "The notification belongs to someone else")
    @ApiResponse(responseCode = "404", description = "No such notification")
    NotificationView markRead(@PathVariable UUID id) {
        return notifications.markRead(id, CurrentUser.require());
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all my notifications read", description = "Answers how many were unread.")
    @ApiResponse(responseCode = "200", description = "How many notifications were marked read")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    MarkedRead markAllRead() {
        return new MarkedRead(notifications.markAllRead(CurrentUser.require()));
    }
}
