package io.skillwise.events.mother;

import io.skillwise.events.DomainEvent;
import java.util.List;

/**
 * At least one sample of every published event; events whose optional fields exclude each other (an enrollment from a
 * purchase or from a subscription) have one sample per case, so that together they set every field.
 */
public final class EventSamples {

    private EventSamples() {
    }

    public static List<DomainEvent> all() {
        return List.of(
                Users.registeredStudent(),
                Users.registeredWouldBeInstructor(),
                Users.instructorProfileUpdated(),
                Users.promotedToInstructor(),
                Users.deletedByAdmin(),

                Courses.published(),
                Courses.publishedFree(),
                Courses.repriced(),
                Courses.unpublishedByAdmin(),
                Courses.deleted(),

                Orders.checkoutStarted(),
                Orders.bundlePurchased(),
                Orders.singleCoursePurchased(),
                Orders.cardDeclined(),
                Orders.partlyRefunded(),
                Orders.fullyRefundedByAdmin(),
                Orders.disputed(),
                Orders.disputeLost(),
                Orders.subscriptionActivated(),
                Orders.subscriptionRenewed(),
                Orders.subscriptionCancelled(),
                Orders.revenueShared(),

                Enrollments.enrolledByPurchase(),
                Enrollments.enrolledBySubscription(),
                Enrollments.enrolledFree(),
                Enrollments.lessonCompleted(),
                Enrollments.quizPassed(),
                Enrollments.completed(),
                Enrollments.revokedByRefund(),
                Enrollments.revokedBySubscriptionEnd(),
                Enrollments.revokedByAdmin(),
                Enrollments.suspended(),
                Enrollments.restored(),

                Reviews.posted(),
                Reviews.updated(),
                Reviews.moderated(),
                Reviews.ratingChanged(),
                Reviews.lastReviewRemoved(),
                Reviews.replied(),
                Reviews.reviewHidden(),
                Reviews.postApproved(),
                Reviews.withdrawnAfterRefund(),

                Promotions.couponRedeemed(),
                Promotions.campaignStarted(),
                Promotions.campaignStoppedEarly(),
                Promotions.commissionEarned(),
                Promotions.commissionReversed(),
                Promotions.saleScheduled(),
                Promotions.saleCancelled(),

                Discussions.postReported());
    }
}
