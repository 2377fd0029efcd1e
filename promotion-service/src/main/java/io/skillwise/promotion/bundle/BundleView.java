package io.skillwise.promotion.bundle;

import io.skillwise.events.common.Money;
import io.skillwise.promotion.bundle.Bundle.BundleStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bundle as shown to buyers: its price next to what its courses cost one by one.
 *
 * @param listTotal the sum of its courses' list prices
 */
public record BundleView(UUID id, UUID ownerId, String title, String description, Money price, Money listTotal,
                         List<BundleCourseView> courses, BundleStatus status, Instant createdAt, Instant updatedAt) {

    public record BundleCourseView(UUID courseId, String title, UUID instructorId, Money price) {
    }
}
