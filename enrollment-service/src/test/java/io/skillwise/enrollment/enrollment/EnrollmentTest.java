package io.skillwise.enrollment.enrollment;

import io.skillwise.events.enrollment.EnrollmentSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EnrollmentTest {

    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");

    private final Enrollment active = Enrollment.purchased(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), NOW);

    @Test
    void refundRevokesOnceAndThenChangesNothing() {
        Enrollment revoked = active.revoked().orElseThrow();
        assertThat(revoked.status()).isEqualTo(EnrollmentStatus.REVOKED);
        assertThat(revoked.revoked()).isEmpty();
    }

    @Test
    void openDisputeSuspendsAndWonDisputeRestores() {
        UUID dispute = UUID.randomUUID();
        Enrollment suspended = active.suspended(dispute).orElseThrow();
        assertThat(suspended.status()).isEqualTo(EnrollmentStatus.SUSPENDED);
        assertThat(suspended.disputeId()).isEqualTo(dispute);
        assertThat(suspended.grantsAccess()).isFalse();

        Enrollment restored = suspended.restored().orElseThrow();
        assertThat(restored.status()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(restored.disputeId()).isNull();
    }

    @Test
    void completedCourseStaysCompletedAfterAWonDispute() {
        Enrollment completed = active.completed(NOW.plusSeconds(60)).orElseThrow();
        Enrollment restored = completed.suspended(UUID.randomUUID()).orElseThrow().restored().orElseThrow();
        assertThat(restored.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(restored.completedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void lostDisputeRevokesASuspendedEnrollment() {
        Enrollment suspended = active.suspended(UUID.randomUUID()).orElseThrow();
        assertThat(suspended.revoked().orElseThrow().status()).isEqualTo(EnrollmentStatus.REVOKED);
    }

    @Test
    void revokedEnrollmentIsNeitherSuspendedNorRestored() {
        Enrollment revoked = active.revoked().orElseThrow();
        assertThat(revoked.suspended(UUID.randomUUID())).isEmpty();
        assertThat(revoked.restored()).isEmpty();
        assertThat(revoked.completed(NOW)).isEmpty();
    }

    @Test
    void samePurchaseAgainChangesNothingButANewOrderRestoresARevokedEnrollment() {
        assertThat(active.repurchased(active.orderId())).isEmpty();
        Enrollment revoked = active.revoked().orElseThrow();
        assertThat(revoked.repurchased(revoked.orderId())).isEmpty();

        UUID newOrder = UUID.randomUUID();
        Enrollment again = revoked.repurchased(newOrder).orElseThrow();
        assertThat(again.status()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(again.orderId()).isEqualTo(newOrder);
        assertThat(again.id()).isEqualTo(active.id());
    }

    @Test
    void onlyAnActiveEnrollmentCompletes() {
        Enrollment completed = active.completed(NOW).orElseThrow();
        assertThat(completed.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(completed.completed(NOW)).isEmpty();
        assertThat(active.suspended(UUID.randomUUID()).orElseThrow().completed(NOW)).isEmpty();
    }

    @Test
    void aCourseBoughtWhileSubscribedRestsOnThePurchaseFromThenOn() {
        Enrollment subscribed = Enrollment.subscribed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), NOW);
        UUID order = UUID.randomUUID();

        Enrollment bought = subscribed.boughtWhileSubscribed(order).orElseThrow();

        assertThat(bought.source()).isEqualTo(EnrollmentSource.PURCHASE);
        assertThat(bought.orderId()).isEqualTo(order);
        assertThat(bought.subscriptionId()).isNull();
        assertThat(bought.status()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(active.boughtWhileSubscribed(order)).as("already bought").isEmpty();
    }

    @Test
    void reenrollingARevokedEnrollmentKeepsItsProgressAndCompletion() {
        Enrollment completedThenRevoked = active.completed(NOW).orElseThrow().revoked().orElseThrow();
        UUID subscription = UUID.randomUUID();

        Enrollment again = completedThenRevoked.reenrolled(EnrollmentSource.SUBSCRIPTION, subscription).orElseThrow();

        assertThat(again.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(again.subscriptionId()).isEqualTo(subscription);
        assertThat(active.reenrolled(EnrollmentSource.FREE, null)).isEmpty();
    }
}
