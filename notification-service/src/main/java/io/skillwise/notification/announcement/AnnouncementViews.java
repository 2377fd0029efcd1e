package io.skillwise.notification.announcement;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** What the announcement endpoints take and answer. */
final class AnnouncementViews {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 5000;

    private AnnouncementViews() {
    }

    record PostAnnouncementRequest(
            @Schema(description = "One line: the notification's title and the mail's subject", example = "Live Q&A on Friday")
            @NotBlank @Size(max = MAX_TITLE) String title,
            @Schema(description = "The message; line breaks are kept", example = "Bring your questions about chapter 3.")
            @NotBlank @Size(max = MAX_BODY) String body,
            @Schema(description = "Also send it by e-mail (to each learner whose preferences allow announcement mail); "
                    + "false or absent: in the app only")
            Boolean email) {

        boolean alsoEmail() {
            return Boolean.TRUE.equals(email);
        }
    }

    @Schema(description = "How far telling the learners has got; shown to the course's instructor and admins only")
    record DeliveryView(
            @Schema(description = "PENDING until the learners have been told, then DELIVERED",
                    allowableValues = {"PENDING", "DELIVERED"}) String status,
            @Schema(description = "How many learners it reached; absent until DELIVERED", example = "212")
            Integer recipients,
            Instant deliveredAt) {
    }

    record AnnouncementView(UUID id, UUID courseId, UUID authorId, @Schema(example = "Live Q&A on Friday") String title,
                            @Schema(example = "Bring your questions about chapter 3.") String body,
                            @Schema(description = "Whether it was also sent by e-mail") boolean email,
                            Instant createdAt, DeliveryView delivery) {

        static AnnouncementView of(Announcement announcement, boolean withDelivery) {
            DeliveryView delivery = withDelivery ? new DeliveryView(
                    announcement.status() == Announcement.Status.DELIVERED ? "DELIVERED" : "PENDING",
                    announcement.recipients(), announcement.deliveredAt()) : null;
            return new AnnouncementView(UUID.fromString(announcement.id()), UUID.fromString(announcement.courseId()),
                    UUID.fromString(announcement.authorId()), announcement.title(), announcement.body(),
                    announcement.email(), announcement.createdAt(), delivery);
        }
    }
}
