package io.skillwise.events.catalog;

import io.skillwise.events.common.Money;
import java.util.UUID;

/** Rules shared by the records that carry a {@link CourseState}; a consumer can then rely on them. */
final class CourseInvariants {

    private CourseInvariants() {
    }

    static void priceMatchesFreeFlag(UUID courseId, boolean free, Money price) {
        if (free && price != null) {
            throw new IllegalArgumentException("free course " + courseId + " must not carry a price");
        }
        if (!free && (price == null || price.amount() == 0)) {
            throw new IllegalArgumentException("paid course " + courseId + " needs a price above zero");
        }
    }
}
