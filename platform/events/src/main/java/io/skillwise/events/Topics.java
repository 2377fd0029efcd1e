package io.skillwise.events;

import java.util.List;
import java.util.Objects;

/**
 * Kafka topic names: one topic per aggregate stream, keyed by the aggregate id (see {@link DomainEvent#aggregateId()}).
 *
 * <p>The {@code .v1} suffix is part of the name so that an incompatible redesign of a stream can run side by side
 * with the old one while consumers migrate.
 */
public final class Topics {

    /** Users and their profiles; key: user id. */
    public static final String IDENTITY_USER = "identity.user.v1";
    /** Courses with their price and curriculum outline; key: course id. */
    public static final String CATALOG_COURSE = "catalog.course.v1";
    /** Orders: checkout, purchase, failure, refund, dispute; key: order id. */
    public static final String PAYMENT_ORDER = "payment.order.v1";
    /** All-access subscriptions; key: subscription id. */
    public static final String PAYMENT_SUBSCRIPTION = "payment.subscription.v1";
    /** Enrollments and learning progress; key: enrollment id. */
    public static final String ENROLLMENT_ENROLLMENT = "enrollment.enrollment.v1";
    /**
     * Reviews and rating aggregates; key: <em>course</em> id, so that a course's reviews and the aggregate they
     * produce stay in order on one partition.
     */
    public static final String REVIEW_REVIEW = "review.review.v1";
    /** Coupons, campaigns and affiliate commissions; key: the id of the coupon, campaign or commission. */
    public static final String PROMOTION_PROMOTION = "promotion.promotion.v1";
    /** Course discussions: what other services act on (reported posts); key: discussion thread id. */
    public static final String NOTIFICATION_DISCUSSION = "notification.discussion.v1";

    /** Suffix of the dead-letter topic that receives a topic's poison records. */
    public static final String DLT_SUFFIX = ".dlt";

    private static final List<String> ALL = List.of(
            IDENTITY_USER,
            CATALOG_COURSE,
            PAYMENT_ORDER,
            PAYMENT_SUBSCRIPTION,
            ENROLLMENT_ENROLLMENT,
            REVIEW_REVIEW,
            PROMOTION_PROMOTION,
            NOTIFICATION_DISCUSSION);

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}, e.g. {@code payment.order.v1.dlt}. */
    public static String dlt(String topic) {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank() || topic.endsWith(DLT_SUFFIX)) {
            // a dead letter of a dead letter would hide the original failure; nobody should ever ask for one
            throw new IllegalArgumentException("not a domain topic: '" + topic + "'");
        }
        return topic + DLT_SUFFIX;
    }

    /** Every domain topic (without the dead-letter topics), in a stable order. */
    public static List<String> all() {
        return ALL;
    }
}
