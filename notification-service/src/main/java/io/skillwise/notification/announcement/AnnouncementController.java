package io.skillwise.notification.announcement;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.notification.announcement.AnnouncementViews.AnnouncementView;
import io.skillwise.notification.announcement.AnnouncementViews.PostAnnouncementRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** A course's announcements: its instructor posts, its learners read. */
@RestController
@RequestMapping("/api/v1/courses/{courseId}/announcements")
@Tag(name = "Announcements", description = "An instructor's messages to the learners of a course")
class AnnouncementController {

    private final AnnouncementService announcements;

    AnnouncementController(AnnouncementService announcements) {
        this.announcements = announcements;
    }

    @OwnedObject("the course's instructor")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Post an announcement to the course's learners",
            description = "For the course's own instructor. Every learner with access to the course now (active or "
                    + "completed) gets it in the app, and with `email: true` also by e-mail unless they turned "
                    + "announcement mail off. It is stored at once and told to the learners right after, in batches: "
                    + "`delivery.status` is PENDING in this answer and DELIVERED, with the number of learners "
                    + "reached, once they have it.")
    @ApiResponse(responseCode = "202", description = "Stored; the learners are being told")
    @ApiResponse(responseCode = "400", description = "Title missing or over 200 characters, body missing or over 5,000, an unknown field, or the course id is not a UUID")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    @ApiResponse(responseCode = "403", description = "The caller is not the course's instructor")
    @ApiResponse(responseCode = "404", description = "No such course")
    AnnouncementView post(@PathVariable UUID courseId, @Valid @RequestBody PostAnnouncementRequest request) {
        return announcements.post(CurrentUser.require(), courseId, request);
    }

    @OwnedObject("the course's learners, its instructor, or an admin")
    @GetMapping
    @Operation(summary = "List the course's announcements",
            description = "Newest first, for the course's learners with access, its instructor and admins. The "
                    + "instructor and admins also see how far each one's delivery has got.")
    @ApiResponse(responseCode = "200", description = "One page of announcements")
    @ApiResponse(responseCode = "400", description = "page below 0, size outside 1..100, or the course id is not a UUID")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    @ApiResponse(responseCode = "403", description = "Neither a learner with access to the course nor its instructor")
    @ApiResponse(responseCode = "404", description = "No such course")
    PageView<AnnouncementView> list(@PathVariable UUID courseId, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        return announcements.list(CurrentUser.require(), courseId, page, size);
    }

    @OwnedObject("the course's learners, its instructor, or an admin")
    @GetMapping("/{id}")
    @Operation(summary = "Read one announcement of the course", description = "Where its notification links to; "
            + "the same readers as the list.")
    @ApiResponse(responseCode = "200", description = "The announcement")
    @ApiResponse(responseCode = "400", description = "An id is not a UUID")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    @ApiResponse(responseCode = "403", description = "Neither a learner with access to the course nor its instructor")
    @ApiResponse(responseCode = "404", description = "No such course, or no such announcement in it")
    AnnouncementView get(@PathVariable UUID courseId, @PathVariable UUID id) {
        return announcements.get(CurrentUser.require(), courseId, id);
    }
}
