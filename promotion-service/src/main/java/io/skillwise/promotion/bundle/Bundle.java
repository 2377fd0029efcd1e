package io.skillwise.promotion.bundle;

import io.skillwise.events.common.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Several courses sold together at one price. */
public record Bundle(UUID id, UUID ownerId, String title, String description, Money price, List<UUID> courseIds,
                     BundleStatus status, Instant createdAt, Instant updatedAt) {

    public enum BundleStatus { ACTIVE, INACTIVE }

    public Bundle {
        courseIds = List.copyOf(courseIds);
    }
}
