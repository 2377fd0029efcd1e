package io.skillwise.analytics.course;

import static io.skillwise.analytics.projection.EventBatch.onePerKey;

import io.skillwise.analytics.projection.EventBatch;
import io.skillwise.analytics.projection.Projection;
import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseState;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.catalog.CourseUpdated;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.events.payment.ReversedLine;
import io.skillwise.events.payment.SubscriptionRevenueShared;
import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.events.promotion.CourseSaleScheduled;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.events.review.ReviewPosted;
import io.skillwise.events.review.ReviewReplied;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;
import org.springframework.stereotype.Component;

/**
 * Courses from the catalog (the snapshot of the highest revision wins), their owners from any event that names a
 * course with its instructor (so figures find their instructor whatever arrives first), ratings from review's
 * aggregates (the newest wins), and what instructors did themselves.
 */
@Component
class CourseProjection implements Projection {

    private final CourseRepository courses;

    CourseProjection(CourseRepository courses) {
        this.courses = courses;
    }

    @Override
    public void apply(EventBatch batch) {
        courses.rememberOwners(owners(batch));
        List<CourseState> states = new ArrayList<>(batch.events(CoursePublished.class));
        states.addAll(batch.events(CourseUpdated.class));
        courses.saveStates(onePerKey(states, CourseState::courseId, Comparator.comparingLong(CourseState::revision)));
        courses.firstPublished(onePerKey(batch.events(CoursePublished.class), CoursePublished::courseId,
                Comparator.comparing(CoursePublished::occurredAt).reversed()));
        courses.unpublish(onePerKey(batch.events(CourseUnpublished.class), CourseUnpublished::courseId,
                Comparator.comparingLong(CourseUnpublished::revision)));
        courses.delete(onePerKey(batch.events(CourseDeleted.class), CourseDeleted::courseId,
                Comparator.comparing(CourseDeleted::occurredAt)));
        courses.rate(onePerKey(batch.events(CourseRatingChanged.class), CourseRatingChanged::courseId,
                Comparator.comparing(CourseRatingChanged::occurredAt)));
        courses.recordActions(actions(batch));
    }

    /** Every course an event of the batch names together with its instructor, with a title where one is given. */
    private static Collection<CourseRepository.Owner> owners(EventBatch batch) {
        Map<UUID, CourseRepository.Owner> owners = new LinkedHashMap<>();
        BinaryOperator<CourseRepository.Owner> keepTitle = (a, b) -> a.title() != null ? a : b;
        for (CoursePurchased purchased : batch.events(CoursePurchased.class)) {
            for (OrderLine line : purchased.lines()) {
                owners.merge(line.courseId(), new CourseRepository.Owner(line.courseId(), line.instructorId(),
                        line.courseTitle()), keepTitle);
            }
        }
        List<ReversedLine> reversed = new ArrayList<>();
        batch.events(PaymentRefunded.class).stream().filter(e -> e.lines() != null).forEach(e -> reversed.addAll(e.lines()));
        batch.events(DisputeClosed.class).stream().filter(e -> e.lines() != null).forEach(e -> reversed.addAll(e.lines()));
        reversed.forEach(line -> owners.merge(line.courseId(),
                new CourseRepository.Owner(line.courseId(), line.instructorId(), null), keepTitle));
        batch.events(SubscriptionRevenueShared.class).forEach(share -> share.lines().forEach(line ->
                owners.merge(line.courseId(), new CourseRepository.Owner(line.courseId(), share.instructorId(), null),
                        keepTitle)));
        batch.events(StudentEnrolled.class).forEach(e -> owners.merge(e.courseId(),
                new CourseRepository.Owner(e.courseId(), e.instructorId(), null), keepTitle));
        batch.events(CourseCompleted.class).forEach(e -> owners.merge(e.courseId(),
                new CourseRepository.Owner(e.courseId(), e.instructorId(), null), keepTitle));
        batch.events(ReviewPosted.class).forEach(e -> owners.merge(e.courseId(),
                new CourseRepository.Owner(e.courseId(), e.instructorId(), null), keepTitle));
        batch.events(CourseRatingChanged.class).forEach(e -> owners.merge(e.courseId(),
                new CourseRepository.Owner(e.courseId(), e.instructorId(), null), keepTitle));
        batch.events(AffiliateCommissionEarned.class).forEach(e -> owners.merge(e.courseId(),
                new CourseRepository.Owner(e.courseId(), e.instructorId(), null), keepTitle));
        batch.events(AffiliateCommissionReversed.class).forEach(e -> owners.merge(e.courseId(),
                new CourseRepository.Owner(e.courseId(), e.instructorId(), null), keepTitle));
        batch.events(CourseSaleScheduled.class).forEach(e -> owners.merge(e.courseId(),
                new CourseRepository.Owner(e.courseId(), e.instructorId(), null), keepTitle));
        return owners.values();
    }

    /** Course revisions an instructor published themselves, and their replies to reviews. */
    private static List<CourseRepository.Action> actions(EventBatch batch) {
        List<CourseRepository.Action> actions = new ArrayList<>();
        for (CoursePublished e : batch.events(CoursePublished.class)) {
            courseChange(actions, e.courseId(), e.instructorId(), e.actorId(), e.revision(), e.occurredAt());
        }
        for (CourseUpdated e : batch.events(CourseUpdated.class)) {
            courseChange(actions, e.courseId(), e.instructorId(), e.actorId(), e.revision(), e.occurredAt());
        }
        for (CourseUnpublished e : batch.events(CourseUnpublished.class)) {
            courseChange(actions, e.courseId(), e.instructorId(), e.actorId(), e.revision(), e.occurredAt());
        }
        for (ReviewReplied replied : batch.events(ReviewReplied.class)) {
            actions.add(new CourseRepository.Action("reply:" + replied.reviewId() + ":" + replied.occurredAt(),
                    replied.instructorId(), "REVIEW_REPLY", replied.occurredAt()));
        }
        return List.copyOf(onePerKey(actions, CourseRepository.Action::key, (a, b) -> 0));
    }

    private static void courseChange(List<CourseRepository.Action> actions, UUID course, UUID instructor, UUID actor,
                                     long revision, Instant at) {
        if (instructor.equals(actor)) {
            actions.add(new CourseRepository.Action("course:" + course + ":" + revision, instructor, "COURSE_CHANGE",
                    at));
        }
    }
}
