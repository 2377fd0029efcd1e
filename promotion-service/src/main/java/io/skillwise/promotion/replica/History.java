package io.skillwise.promotion.replica;

import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.payment.CoursePurchased;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** What promotions remember of purchases and enrollments: first-purchase rules and campaign figures. */
@Service
public class History {

    private final PurchaseRepository purchases;
    private final EnrollmentRepository enrollments;

    History(PurchaseRepository purchases, EnrollmentRepository enrollments) {
        this.purchases = purchases;
        this.enrollments = enrollments;
    }

    @Transactional
    public void purchased(CoursePurchased purchase) {
        purchases.record(purchase);
    }

    @Transactional
    public void enrolled(StudentEnrolled enrolled) {
        enrollments.record(enrolled);
    }

    /** True once any order of the buyer has been paid. */
    @Transactional(readOnly = true)
    public boolean hasPurchased(UUID buyerId) {
        return purchases.hasPurchased(buyerId);
    }

    /** Paid lines per course and day in {@code [from, to)}; {@code courseIds} null means every course. */
    @Transactional(readOnly = true)
    public List<DailyFigure> purchasesPerDay(Collection<UUID> courseIds, Instant from, Instant to) {
        return purchases.daily(courseIds, from, to);
    }

    @Transactional(readOnly = true)
    public List<DailyFigure> enrollmentsPerDay(Collection<UUID> courseIds, Instant from, Instant to) {
        return enrollments.daily(courseIds, from, to);
    }
}
