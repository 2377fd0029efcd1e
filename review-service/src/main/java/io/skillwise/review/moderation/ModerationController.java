package io.skillwise.review.moderation;

import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The moderation queue and its log, for admins. */
@RestController
@RequestMapping("/api/v1/admin/reports")
@PreAuthorize("hasRole('admin')")
@Tag(name = "Moderation", description = "Held and reported content of every kind, decisions and their log (admins)")
class ModerationController {

    private final ModerationService moderation;

    ModerationController(ModerationService moderation) {
        this.moderation = moderation;
    }

    @GetMapping
    @Operation(summary = "The moderation queue",
            description = "Content waiting for a moderator: reviews held by screening, and reported reviews and "
                    + "discussion posts, most reported first, then the longest waiting. Each item names its author "
                    + "with a link to suspend the account (identity's PATCH /api/v1/users/{id}).")
    @ApiResponse(responseCode = "200", description = "One page of the queue")
    @ApiResponse(responseCode = "400", description = "Invalid kind, page or size")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    PageView<QueueItem> queue(
            @Parameter(description = "REVIEW or DISCUSSION_POST; both when absent")
            @RequestParam(required = false) ModeratedContentKind kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return moderation.queue(kind, page, size);
    }

    @GetMapping("/actions")
    @Operation(summary = "The moderation log",
            description = "Every moderator action with who took it, when and why, newest first.")
    @ApiResponse(responseCode = "200", description = "One page of the log")
    @ApiResponse(responseCode = "400", description = "Invalid filter, page or size")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    PageView<LoggedAction> actions(
            @RequestParam(required = false) ModeratedContentKind kind,
            @Parameter(description = "Only the actions of this moderator")
            @RequestParam(required = false) UUID moderatorId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return moderation.actions(kind, moderatorId, page, size);
    }

    @GetMapping("/{kind}/{contentId}")
    @Operation(summary = "One moderated item",
            description = "A review or discussion post as moderators see it, with every report and every action "
                    + "taken on it. {kind} is 'reviews' or 'discussion-posts'.")
    @ApiResponse(responseCode = "200", description = "The item")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @ApiResponse(responseCode = "404", description = "No such kind or content")
    QueueItem item(@Parameter(schema = @Schema(allowableValues = {"reviews", "discussion-posts"}))
                   @PathVariable String kind,
                   @PathVariable UUID contentId) {
        return moderation.item(kindOf(kind), contentId);
    }

    @PostMapping("/{kind}/{contentId}/decisions")
    @Operation(summary = "Decide about an item",
            description = "APPROVE (held content goes public, reports are dismissed), HIDE with a reason the author "
                    + "sees, REMOVE for good, or RESTORE hidden content. The action is logged with the moderator, "
                    + "the time and the reason, and published as ContentModerated.")
    @ApiResponse(responseCode = "200", description = "The item after the decision")
    @ApiResponse(responseCode = "400", description = "Invalid action, or no reason to hide or remove")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @ApiResponse(responseCode = "404", description = "No such kind or content")
    @ApiResponse(responseCode = "409", description = "The action does not fit the item's state (e.g. restore "
            + "what is not hidden)")
    QueueItem decide(@Parameter(schema = @Schema(allowableValues = {"reviews", "discussion-posts"}))
                     @PathVariable String kind,
                     @PathVariable UUID contentId,
                     @Valid @RequestBody DecisionRequest request) {
        return moderation.decide(kindOf(kind), contentId, request.action(), request.reason(), CurrentUser.require());
    }

    private static ModeratedContentKind kindOf(String path) {
        return switch (path) {
            case "reviews" -> ModeratedContentKind.REVIEW;
            case "discussion-posts" -> ModeratedContentKind.DISCUSSION_POST;
            default -> throw ApiException.notFound("content kind '" + path + "'");
        };
    }
}
