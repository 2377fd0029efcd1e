package io.skillwise.enrollment.enrollment;

import io.skillwise.kit.web.PageView;
import io.skillwise.enrollment.replica.Course;
import io.skillwise.enrollment.replica.CurriculumService;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.DisputeOutcome;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.events.payment.SubscriptionActivated;
import io.skillwise.events.payment.SubscriptionEnded;
import io.skillwise.events.payment.SubscriptionEvent;
import io.skillwise.events.payment.SubscriptionRenewed;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.KeycloakRoles;
import io.skillwise.kit.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrolling (purchase, free courses, subscriptions), the payment facts that change access, and the learner's own
 * enrollments.
 */
@Service
public class EnrollmentService {

    private final EnrollmentRepository enrollments;
    private final CurriculumService curriculum;
    private final SubscriptionRepository subscriptions;
    private final EventPublisher events;
    private final Clock clock;

    public EnrollmentService(EnrollmentRepository enrollments, CurriculumService curriculum,
                             SubscriptionRepository subscriptions, EventPublisher events, Clock clock) {
        this.enrollments = enrollments;
        this.subscriptions = subscriptions;
        this.curriculum = curriculum;
        this.events = events;
        this.clock = clock;
    }

    /** Enrolls the buyer in every course of the order (a bundle has several lines). Runs in the inbox's transaction. */
    @Transactional
    public void purchased(CoursePurchased purchase) {
        for (OrderLine line : purchase.lines()) {
            enrollFromPurchase(purchase, line);
        }
    }

    private void enrollFromPurchase(CoursePurchased purchase, OrderLine line) {
        Instant now = clock.instant();
        Optional<Enrollment> existing = enrollments.lockByStudentAndCourse(purchase.buyerId(), line.courseId());
        Enrollment current;
        if (existing.isEmpty()) {
            // drip schedules count from the purchase, not from when we happened to read the event
            Enrollment created = Enrollment.purchased(purchase.buyerId(), line.courseId(), line.instructorId(),
                    purchase.orderId(), purchase.purchasedAt());
            if (enrollments.insertIfAbsent(created, now)) {
                events.publish(enrolled(created, now));
                current = created;
            } else {
                // a free enrollment of the same course committed in between: it already grants access
                current = enrollments.lockByStudentAndCourse(purchase.buyerId(), line.courseId()).orElseThrow();
            }
        } else {
            Optional<Enrollment> again = existing.get().repurchased(purchase.orderId());
            again.ifPresent(enrollment -> {
                enrollments.update(enrollment, now);
                events.publish(enrolled(enrollment, now));
            });
            Optional<Enrollment> bought = existing.get().boughtWhileSubscribed(purchase.orderId());
            bought.ifPresent(enrollment -> enrollments.update(enrollment, now));
            current = again.or(() -> bought).orElse(existing.get());
        }
        List<OrderChange> early = enrollments.takeEarly(purchase.orderId(), line.courseId());
        if (purchase.orderId().equals(current.orderId())) {
            for (OrderChange change : early) {
                current = apply(current, change, now);
            }
        }
    }

    @Transactional
    public void refunded(PaymentRefunded refund) {
        // an empty course list is a goodwill refund: money back, access stays
        for (UUID courseId : refund.courseIds()) {
            change(refund.buyerId(), new OrderChange(refund.orderId(), courseId, OrderChange.Kind.REFUNDED, null,
                    refund.occurredAt()));
        }
    }

    @Transactional
    public void disputed(PaymentDisputed dispute) {
        for (UUID courseId : dispute.courseIds()) {
            change(dispute.buyerId(), new OrderChange(dispute.orderId(), courseId, OrderChange.Kind.DISPUTE_OPENED,
                    dispute.disputeId(), dispute.occurredAt()));
        }
    }

    @Transactional
    public void disputeClosed(DisputeClosed closed) {
        OrderChange.Kind kind = closed.outcome() == DisputeOutcome.WON
                ? OrderChange.Kind.DISPUTE_WON : OrderChange.Kind.DISPUTE_LOST;
        for (UUID courseId : closed.courseIds()) {
            change(closed.buyerId(), new OrderChange(closed.orderId(), courseId, kind, closed.disputeId(),
                    closed.occurredAt()));
        }
    }

    private void change(UUID buyerId, OrderChange change) {
        Instant now = clock.instant();
        Optional<Enrollment> enrollment =
                enrollments.lockByOrderAndCourse(change.orderId(), buyerId, change.courseId());
        if (enrollment.isPresent()) {
            apply(enrollment.get(), change, now);
        } else {
            // the purchase has not reached us yet: keep the fact and apply it when it does
            enrollments.rememberEarly(change, now);
        }
    }

    private Enrollment apply(Enrollment enrollment, OrderChange change, Instant now) {
        Optional<Enrollment> changed = switch (change.kind()) {
            case REFUNDED, DISPUTE_LOST -> enrollment.revoked();
            case DISPUTE_OPENED -> enrollment.suspended(change.disputeId());
            case DISPUTE_WON -> enrollment.restored();
        };
        if (changed.isEmpty()) {
            return enrollment;
        }
        Enrollment updated = changed.get();
        enrollments.update(updated, now);
        events.publish(switch (change.kind()) {
            case REFUNDED -> revoked(updated, RevocationReason.REFUNDED, change.orderId(), now);
            case DISPUTE_LOST -> revoked(updated, RevocationReason.DISPUTE_LOST, change.orderId(), now);
            case DISPUTE_OPENED -> new EnrollmentSuspended(updated.id(), updated.courseId(), updated.studentId(),
                    change.orderId(), change.disputeId(), now);
            case DISPUTE_WON -> new EnrollmentRestored(updated.id(), updated.courseId(), updated.studentId(),
                    change.orderId(), change.disputeId(), now);
        });
        return updated;
    }

    /** Activation or renewal: the subscriber may enrol in any published course. */
    @Transactional
    public void subscriptionRunning(SubscriptionEvent event) {
        Instant periodEnd = switch (event) {
            case SubscriptionActivated activated -> activated.currentPeriodEnd();
            case SubscriptionRenewed renewed -> renewed.currentPeriodEnd();
            case SubscriptionEnded ended -> throw new IllegalArgumentException("not a running subscription: " + ended);
        };
        subscriptions.saveActive(event.subscriptionId(), event.subscriberId(), periodEnd, clock.instant());
    }

    /** The subscription ended: what it granted ends too; courses bought (or free) stay. */
    @Transactional
    public void subscriptionEnded(SubscriptionEnded ended) {
        Instant now = clock.instant();
        subscriptions.saveEnded(ended.subscriptionId(), ended.subscriberId(), now);
        for (UUID id : subscriptions.enrollmentsGrantedBy(ended.subscriptionId())) {
            Enrollment enrollment = enrollments.lock(id).orElseThrow();
            enrollment.revoked().ifPresent(revoked -> {
                enrollments.update(revoked, now);
                events.publish(new EnrollmentRevoked(revoked.id(), revoked.courseId(), revoked.studentId(),
                        RevocationReason.SUBSCRIPTION_ENDED, null, ended.subscriptionId(), null, now));
            });
        }
    }

    /**
     * {@code POST /admin/enrollments/{id}/revoke}: an admin takes a learner's access away (abuse, a chargeback settled
     * outside Stripe). Who and why are recorded; {@code EnrollmentRevoked} names the admin. Already revoked: 409.
     */
    @Transactional
    public Enrollment revokeByAdmin(UUID enrollmentId, String reason, CurrentUser admin) {
        requireAdmin(admin);
        Enrollment enrollment = enrollments.lock(enrollmentId)
                .orElseThrow(() -> ApiException.notFound("enrollment " + enrollmentId));
        Enrollment revoked = enrollment.revoked().orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                "already-revoked", "Enrollment " + enrollmentId + " is already revoked."));
        Instant now = clock.instant();
        enrollments.update(revoked, now);
        enrollments.recordRevocation(revoked.id(), admin.id(), reason.strip(), now);
        events.publish(new EnrollmentRevoked(revoked.id(), revoked.courseId(), revoked.studentId(),
                RevocationReason.ADMIN, null, null, admin.id(), now));
        return revoked;
    }

    /** {@code GET /admin/enrollments}: every learner's enrollments, filtered, for support. */
    @Transactional(readOnly = true)
    public PageView<Enrollment> search(EnrollmentFilter filter, int page, int size, boolean newestFirst,
                                       CurrentUser admin) {
        requireAdmin(admin);
        PageView.check(page, size);
        return PageView.of(enrollments.search(filter, newestFirst, page, size), page, size,
                enrollments.count(filter));
    }

    private static void requireAdmin(CurrentUser user) {
        // the controller is guarded too; the rule lives here so that no other way in can skip it
        if (!user.isAdmin()) {
            throw ApiException.forbidden("only admins manage other learners' enrollments");
        }
    }

    /**
     * {@code POST /courses/{id}/enroll}: free courses at once, paid ones for a subscriber; a course already granting
     * access is a conflict; otherwise a paid course needs a purchase. With an {@code Idempotency-Key}, a retry answers
     * the enrollment the first request created.
     */
    @Transactional
    public Enrollment enrollFree(UUID courseId, CurrentUser user, String idempotencyKey) {
        if (!user.hasRole(KeycloakRoles.STUDENT)) {
            throw ApiException.forbidden("only learners enrol in courses");
        }
        if (idempotencyKey != null) {
            // a retry of a request that already enrolled answers that enrollment again instead of 409
            Optional<Enrollment> earlier = enrollments.enrollmentOfRequest(user.id(), idempotencyKey)
                    .flatMap(enrollments::find);
            if (earlier.isPresent()) {
                if (!earlier.get().courseId().equals(courseId)) {
                    throw ApiException.conflict("Idempotency-Key " + idempotencyKey + " was used for another course");
                }
                return earlier.get();
            }
        }
        Course course = curriculum.find(courseId).filter(Course::openForEnrollment)
                .orElseThrow(() -> ApiException.notFound("course " + courseId));
        Instant now = clock.instant();
        Optional<Enrollment> existing = enrollments.lockByStudentAndCourse(user.id(), courseId);
        if (existing.isPresent() && existing.get().status() != EnrollmentStatus.REVOKED) {
            throw ApiException.conflict("you are already enrolled in course " + courseId);
        }
        // a paid course is open to a subscriber without buying it
        Optional<UUID> subscription = course.free() ? Optional.empty() : subscriptions.activeOf(user.id());
        if (!course.free() && subscription.isEmpty()) {
            throw new PaymentRequiredException(courseId);
        }
        EnrollmentSource source = course.free() ? EnrollmentSource.FREE : EnrollmentSource.SUBSCRIPTION;
        if (existing.isPresent()) {
            Enrollment again = existing.get().reenrolled(source, subscription.orElse(null)).orElseThrow();
            enrollments.update(again, now);
            events.publish(enrolled(again, now));
            remember(user, idempotencyKey, again, now);
            return again;
        }
        Enrollment created = course.free()
                ? Enrollment.free(user.id(), courseId, course.instructorId(), now)
                : Enrollment.subscribed(user.id(), courseId, course.instructorId(), subscription.orElseThrow(), now);
        if (!enrollments.insertIfAbsent(created, now)) {
            throw ApiException.conflict("you are already enrolled in course " + courseId);
        }
        events.publish(enrolled(created, now));
        remember(user, idempotencyKey, created, now);
        return created;
    }

    private void remember(CurrentUser user, String idempotencyKey, Enrollment enrollment, Instant now) {
        if (idempotencyKey != null) {
            enrollments.rememberRequest(user.id(), idempotencyKey, enrollment.id(), now);
        }
    }

    /** The caller's own enrollment; anyone else's answers 404, so ids of other learners reveal nothing. */
    @Transactional(readOnly = true)
    public Enrollment own(UUID enrollmentId, CurrentUser user) {
        return enrollments.find(enrollmentId).filter(enrollment -> enrollment.studentId().equals(user.id()))
                .orElseThrow(() -> ApiException.notFound("enrollment " + enrollmentId));
    }

    /** As {@link #own}, locked for the caller's transaction: progress on one enrollment is applied one at a time. */
    @Transactional
    public Enrollment lockOwn(UUID enrollmentId, CurrentUser user) {
        return enrollments.lock(enrollmentId).filter(enrollment -> enrollment.studentId().equals(user.id()))
                .orElseThrow(() -> ApiException.notFound("enrollment " + enrollmentId));
    }

    /** The caller's enrollment in a course, locked; empty when they have none. */
    @Transactional
    public Optional<Enrollment> lockOwnInCourse(UUID courseId, CurrentUser user) {
        return enrollments.lockByStudentAndCourse(user.id(), courseId);
    }

    @Transactional(readOnly = true)
    public Optional<Enrollment> ownInCourse(UUID courseId, CurrentUser user) {
        return enrollments.findByStudentAndCourse(user.id(), courseId);
    }

    @Transactional(readOnly = true)
    public Optional<Enrollment> find(UUID enrollmentId) {
        return enrollments.find(enrollmentId);
    }

    @Transactional(readOnly = true)
    public PageView<Enrollment> mine(CurrentUser user, int page, int size, boolean newestFirst) {
        PageView.check(page, size);
        return PageView.of(enrollments.pageOfStudent(user.id(), newestFirst, page, size), page, size,
                enrollments.countOfStudent(user.id()));
    }

    /** The learners still working through a course, locked for the caller's transaction. */
    @Transactional
    public List<Enrollment> lockActiveInCourse(UUID courseId) {
        return enrollments.lockActiveOfCourse(courseId);
    }

    @Transactional(readOnly = true)
    public PageView<Enrollment> ofCourse(UUID courseId, int page, int size) {
        PageView.check(page, size);
        return PageView.of(enrollments.pageOfCourse(courseId, page, size), page, size,
                enrollments.countOfCourse(courseId));
    }

    /**
     * Marks the enrollment completed (the caller holds its lock and publishes {@code CourseCompleted} with the
     * certificate); empty when it was not ACTIVE.
     */
    @Transactional
    public Optional<Enrollment> complete(Enrollment enrollment, Instant at) {
        Optional<Enrollment> completed = enrollment.completed(at);
        completed.ifPresent(done -> enrollments.update(done, at));
        return completed;
    }

    private static StudentEnrolled enrolled(Enrollment enrollment, Instant now) {
        return new StudentEnrolled(enrollment.id(), enrollment.courseId(), enrollment.studentId(),
                enrollment.instructorId(), enrollment.source(), enrollment.orderId(), enrollment.subscriptionId(),
                enrollment.startedAt(), now);
    }

    private static EnrollmentRevoked revoked(Enrollment enrollment, RevocationReason reason, UUID orderId,
                                             Instant now) {
        return new EnrollmentRevoked(enrollment.id(), enrollment.courseId(), enrollment.studentId(), reason, orderId,
                null, null, now);
    }
}
