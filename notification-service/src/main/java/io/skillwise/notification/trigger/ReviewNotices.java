package io.skillwise.notification.trigger;

import io.skillwise.events.review.ContentModerated;
import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.events.review.ModerationDecision;
import io.skillwise.events.review.ReviewPosted;
import io.skillwise.events.review.ReviewReplied;
import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import org.springframework.stereotype.Service;

import java.util.UUID;

/** Notices about reviews and moderation ({@code review.review.v1}). */
@Service
class ReviewNotices {

    private final DeliveryService delivery;
    private final CourseTitles courses;

    ReviewNotices(DeliveryService delivery, CourseTitles courses) {
        this.delivery = delivery;
        this.courses = courses;
    }

    /** The instructor hears about a new review of their course. */
    void posted(UUID eventId, ReviewPosted posted) {
        String comment = posted.comment() == null || posted.comment().isBlank() ? "No comment." : Notice.excerpt(posted.comment());
        delivery.deliver(Delivery.of(Keys.of(eventId), new Notice(NotificationKind.REVIEW_POSTED,
                "New " + posted.rating() + "-star review of " + courses.of(posted.courseId()), comment,
                reviewsOf(posted.courseId())), posted.instructorId()));
    }

    /** The review's author hears about the instructor's first reply; edits of the reply are not announced again. */
    void replied(UUID eventId, ReviewReplied replied) {
        if (replied.edited()) {
            return;
        }
        delivery.deliver(Delivery.of(Keys.of(eventId), new Notice(NotificationKind.REVIEW_REPLIED,
                "The instructor replied to your review of " + courses.of(replied.courseId()),
                Notice.excerpt(replied.reply()), reviewsOf(replied.courseId())), replied.authorId()));
    }

    /** The author of a moderated review or discussion post hears the decision and its reason. */
    void moderated(UUID eventId, ContentModerated moderated) {
        String course = courses.of(moderated.courseId());
        boolean review = moderated.contentKind() == ModeratedContentKind.REVIEW;
        String what = review ? "Your review of " + course : "Your post in the discussion of " + course;
        String decision = switch (moderated.decision()) {
            case APPROVED -> "was checked by a moderator and stays visible";
            case HIDDEN -> "was hidden by a moderator";
            case REMOVED -> "was removed by a moderator";
            case RESTORED -> "is visible again";
        };
        String reason = moderated.reason() == null ? "" : " Reason: " + moderated.reason();
        String link = review ? reviewsOf(moderated.courseId()) : postLink(moderated);
        delivery.deliver(Delivery.of(Keys.of(eventId), new Notice(NotificationKind.CONTENT_MODERATED,
                what + " " + decision, what + " " + decision + "." + reason, link), moderated.authorId()));
    }

    /** The post itself while its author can still open it; a removed one is gone, so its course's threads. */
    private static String postLink(ContentModerated moderated) {
        return moderated.decision() == ModerationDecision.REMOVED
                ? "/api/v1/courses/" + moderated.courseId() + "/threads"
                : "/api/v1/posts/" + moderated.contentId();
    }

    private static String reviewsOf(UUID courseId) {
        return "/api/v1/courses/" + courseId + "/reviews";
    }
}
