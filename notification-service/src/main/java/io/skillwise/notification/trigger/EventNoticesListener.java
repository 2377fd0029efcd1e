package io.skillwise.notification.trigger;

import io.skillwise.events.Topics;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.QuizGraded;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.PaymentFailed;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.events.payment.SubscriptionActivated;
import io.skillwise.events.payment.SubscriptionEnded;
import io.skillwise.events.payment.SubscriptionRenewed;
import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.events.promotion.CampaignStarted;
import io.skillwise.events.review.ContentModerated;
import io.skillwise.events.review.ReviewPosted;
import io.skillwise.events.review.ReviewReplied;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Turns the platform's events into notices. These listeners form their own consumer group
 * ({@value #GROUP_SUFFIX} after the service's), apart from the replicas', so a slow fan-out never delays a replica and
 * each group keeps its own offsets. A redelivered event delivers again under the same key and adds nothing: the
 * delivery core's ids are derived from the event's {@code ce_id}. Events nobody needs a notice about are skipped.
 */
@Component
class EventNoticesListener {

    static final String GROUP_SUFFIX = ".notices";
    private static final String GROUP = "${spring.kafka.consumer.group-id}" + GROUP_SUFFIX;

    private final AccountNotices accounts;
    private final OrderNotices orders;
    private final SubscriptionNotices subscriptions;
    private final LearningNotices learning;
    private final CourseNotices courses;
    private final PromotionNotices promotions;
    private final ReviewNotices reviews;

    EventNoticesListener(AccountNotices accounts, OrderNotices orders, SubscriptionNotices subscriptions,
                         LearningNotices learning, CourseNotices courses, PromotionNotices promotions,
                         ReviewNotices reviews) {
        this.accounts = accounts;
        this.orders = orders;
        this.subscriptions = subscriptions;
        this.learning = learning;
        this.courses = courses;
        this.promotions = promotions;
        this.reviews = reviews;
    }

    @KafkaListener(topics = Topics.IDENTITY_USER, groupId = GROUP)
    void onUser(IncomingEvent event) {
        switch (event.event()) {
            case UserRegistered registered -> accounts.registered(event.id(), registered);
            case UserDeactivated deactivated -> accounts.deactivated(deactivated.userId());
            default -> { }
        }
    }

    @KafkaListener(topics = Topics.PAYMENT_ORDER, groupId = GROUP)
    void onOrder(IncomingEvent event) {
        UUID id = event.id();
        switch (event.event()) {
            case CoursePurchased purchased -> orders.purchased(id, purchased);
            case PaymentFailed failed -> orders.failed(id, failed);
            case PaymentRefunded refunded -> orders.refunded(id, refunded);
            case PaymentDisputed disputed -> orders.disputed(id, disputed);
            case DisputeClosed closed -> orders.disputeClosed(id, closed);
            default -> { }
        }
    }

    @KafkaListener(topics = Topics.PAYMENT_SUBSCRIPTION, groupId = GROUP)
    void onSubscription(IncomingEvent event) {
        UUID id = event.id();
        switch (event.event()) {
            case SubscriptionActivated activated -> subscriptions.activated(id, activated);
            case SubscriptionRenewed renewed -> subscriptions.renewed(id, renewed);
            case SubscriptionEnded ended -> subscriptions.ended(id, ended);
            default -> { }
        }
    }

    @KafkaListener(topics = Topics.ENROLLMENT_ENROLLMENT, groupId = GROUP)
    void onEnrollment(IncomingEvent event) {
        UUID id = event.id();
        switch (event.event()) {
            case StudentEnrolled enrolled -> learning.enrolled(id, enrolled);
            case CourseCompleted completed -> learning.completed(id, completed);
            case QuizGraded graded -> learning.graded(id, graded);
            case EnrollmentSuspended suspended -> learning.suspended(id, suspended);
            case EnrollmentRestored restored -> learning.restored(id, restored);
            case EnrollmentRevoked revoked -> learning.revoked(id, revoked);
            default -> { }
        }
    }

    @KafkaListener(topics = Topics.CATALOG_COURSE, groupId = GROUP)
    void onCourse(IncomingEvent event) {
        if (event.event() instanceof CourseUnpublished unpublished) {
            courses.unpublished(event.id(), unpublished);
        }
    }

    @KafkaListener(topics = Topics.PROMOTION_PROMOTION, groupId = GROUP)
    void onPromotion(IncomingEvent event) {
        UUID id = event.id();
        switch (event.event()) {
            case AffiliateCommissionEarned earned -> promotions.commissionEarned(id, earned);
            case AffiliateCommissionReversed reversed -> promotions.commissionReversed(id, reversed);
            case CampaignStarted started -> promotions.campaignStarted(id, started);
            default -> { }
        }
    }

    @KafkaListener(topics = Topics.REVIEW_REVIEW, groupId = GROUP)
    void onReview(IncomingEvent event) {
        UUID id = event.id();
        switch (event.event()) {
            case ReviewPosted posted -> reviews.posted(id, posted);
            case ReviewReplied replied -> reviews.replied(id, replied);
            case ContentModerated moderated -> reviews.moderated(id, moderated);
            default -> { }
        }
    }
}
