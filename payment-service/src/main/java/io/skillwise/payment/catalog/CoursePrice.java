package io.skillwise.payment.catalog;

import io.skillwise.events.common.Money;
import java.util.UUID;

/**
 * What payment keeps of a course: enough to price a checkout and to refuse what cannot be sold.
 *
 * @param price the list price; absent exactly when {@code free}
 */
public record CoursePrice(UUID courseId, UUID instructorId, String title, String status, boolean free, Money price,
                          long revision) {

    public static final String PUBLISHED = "PUBLISHED";

    public boolean onSale() {
        return PUBLISHED.equals(status);
    }
}
