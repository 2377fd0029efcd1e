package io.skillwise.events;

import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.catalog.CourseUpdated;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.QuizGraded;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.identity.UserRolesChanged;
import io.skillwise.events.notification.DiscussionPostReported;
import io.skillwise.events.payment.CheckoutStarted;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.PaymentFailed;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.events.payment.SubscriptionActivated;
import io.skillwise.events.payment.SubscriptionEnded;
import io.skillwise.events.payment.SubscriptionRenewed;
import io.skillwise.events.payment.SubscriptionRevenueShared;
import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.events.promotion.CampaignEnded;
import io.skillwise.events.promotion.CampaignStarted;
import io.skillwise.events.promotion.CouponRedeemed;
import io.skillwise.events.promotion.CourseSaleCancelled;
import io.skillwise.events.promotion.CourseSaleScheduled;
import io.skillwise.events.review.ContentModerated;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.events.review.ReviewPosted;
import io.skillwise.events.review.ReviewRemoved;
import io.skillwise.events.review.ReviewReplied;
import io.skillwise.events.review.ReviewUpdated;
import io.skillwise.events.review.ReviewWithdrawn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry of every published event: which topic it goes to and which CloudEvents type names it. Producers ask
 * it for the {@code ce_type} and topic of a record; consumers ask it which record a {@code ce_type} deserialises
 * into.
 *
 * <p>A new event is a record in its context's package, a line here, a schema and an AsyncAPI entry; the tests of
 * this module fail until all four exist.
 */
public final class EventCatalog {

    // declared before ALL, which needs it while it is being built
    private static final Pattern VERSION_SUFFIX = Pattern.compile("([A-Z][A-Za-z0-9]*?)V([2-9]|[1-9][0-9]+)");

    private static final List<EventDescriptor> ALL = List.of(
            event(Topics.IDENTITY_USER, UserRegistered.class),
            event(Topics.IDENTITY_USER, UserProfileUpdated.class),
            event(Topics.IDENTITY_USER, UserRolesChanged.class),
            event(Topics.IDENTITY_USER, UserDeactivated.class),

            event(Topics.CATALOG_COURSE, CoursePublished.class),
            event(Topics.CATALOG_COURSE, CourseUpdated.class),
            event(Topics.CATALOG_COURSE, CourseUnpublished.class),
            event(Topics.CATALOG_COURSE, CourseDeleted.class),

            event(Topics.PAYMENT_ORDER, CheckoutStarted.class),
            event(Topics.PAYMENT_ORDER, CoursePurchased.class),
            event(Topics.PAYMENT_ORDER, PaymentFailed.class),
            event(Topics.PAYMENT_ORDER, PaymentRefunded.class),
            event(Topics.PAYMENT_ORDER, PaymentDisputed.class),
            event(Topics.PAYMENT_ORDER, DisputeClosed.class),
            event(Topics.PAYMENT_SUBSCRIPTION, SubscriptionActivated.class),
            event(Topics.PAYMENT_SUBSCRIPTION, SubscriptionRenewed.class),
            event(Topics.PAYMENT_SUBSCRIPTION, SubscriptionEnded.class),
            event(Topics.PAYMENT_SUBSCRIPTION, SubscriptionRevenueShared.class),

            event(Topics.ENROLLMENT_ENROLLMENT, StudentEnrolled.class),
            event(Topics.ENROLLMENT_ENROLLMENT, LessonCompleted.class),
            event(Topics.ENROLLMENT_ENROLLMENT, QuizGraded.class),
            event(Topics.ENROLLMENT_ENROLLMENT, CourseCompleted.class),
            event(Topics.ENROLLMENT_ENROLLMENT, EnrollmentRevoked.class),
            event(Topics.ENROLLMENT_ENROLLMENT, EnrollmentSuspended.class),
            event(Topics.ENROLLMENT_ENROLLMENT, EnrollmentRestored.class),

            event(Topics.REVIEW_REVIEW, ReviewPosted.class),
            event(Topics.REVIEW_REVIEW, ReviewUpdated.class),
            event(Topics.REVIEW_REVIEW, ReviewRemoved.class),
            event(Topics.REVIEW_REVIEW, CourseRatingChanged.class),
            event(Topics.REVIEW_REVIEW, ReviewReplied.class),
            event(Topics.REVIEW_REVIEW, ContentModerated.class),
            event(Topics.REVIEW_REVIEW, ReviewWithdrawn.class),

            event(Topics.PROMOTION_PROMOTION, CouponRedeemed.class),
            event(Topics.PROMOTION_PROMOTION, CampaignStarted.class),
            event(Topics.PROMOTION_PROMOTION, CampaignEnded.class),
            event(Topics.PROMOTION_PROMOTION, AffiliateCommissionEarned.class),
            event(Topics.PROMOTION_PROMOTION, AffiliateCommissionReversed.class),
            event(Topics.PROMOTION_PROMOTION, CourseSaleScheduled.class),
            event(Topics.PROMOTION_PROMOTION, CourseSaleCancelled.class),

            event(Topics.NOTIFICATION_DISCUSSION, DiscussionPostReported.class));

    private static final Map<Class<?>, EventDescriptor> BY_CLASS = index(ALL, EventDescriptor::eventClass);
    private static final Map<String, EventDescriptor> BY_TYPE = index(ALL, EventDescriptor::type);

    private EventCatalog() {
    }

    /**
     * The descriptor of an event record.
     *
     * @throws IllegalArgumentException if the class is not a published event
     */
    public static EventDescriptor of(Class<? extends DomainEvent> eventClass) {
        EventDescriptor descriptor = BY_CLASS.get(Objects.requireNonNull(eventClass, "eventClass"));
        if (descriptor == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not in the event catalog");
        }
        return descriptor;
    }

    /** The descriptor of a CloudEvents type; empty for a type this version of the catalog does not know. */
    public static Optional<EventDescriptor> byType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_TYPE::get);
    }

    /** Every descriptor, grouped by topic in the order of {@link Topics#all()}. */
    public static List<EventDescriptor> all() {
        return ALL;
    }

    /** The descriptors of the events published on one topic; empty for an unknown topic. */
    public static List<EventDescriptor> onTopic(String topic) {
        return ALL.stream().filter(descriptor -> descriptor.topic().equals(topic)).toList();
    }

    /**
     * The context is the record's package, so an event cannot be filed under a context that does not publish it.
     * Name and version come from the class name: {@code CoursePurchased} is version 1, a later incompatible
     * {@code CoursePurchasedV2} is version 2 of the same event and lives beside it while the topic holds both.
     */
    private static EventDescriptor event(String topic, Class<? extends DomainEvent> eventClass) {
        String pkg = eventClass.getPackageName();
        String context = pkg.substring(pkg.lastIndexOf('.') + 1);
        Matcher versioned = VERSION_SUFFIX.matcher(eventClass.getSimpleName());
        if (versioned.matches()) {
            return EventDescriptor.of(
                    topic, context, versioned.group(1), Integer.parseInt(versioned.group(2)), eventClass);
        }
        return EventDescriptor.of(topic, context, eventClass.getSimpleName(), 1, eventClass);
    }

    private static <K> Map<K, EventDescriptor> index(
            List<EventDescriptor> descriptors, Function<EventDescriptor, K> key) {
        Map<K, EventDescriptor> index = new LinkedHashMap<>();
        List<K> duplicates = new ArrayList<>();
        for (EventDescriptor descriptor : descriptors) {
            if (index.putIfAbsent(key.apply(descriptor), descriptor) != null) {
                duplicates.add(key.apply(descriptor));
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException("event catalog lists twice: " + duplicates);
        }
        return Map.copyOf(index);
    }
}
