package io.skillwise.events.promotion;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A sale was withdrawn before or during its window: the course sells at its list price again (unless another sale
 * applies). A sale that simply runs to its end needs no event. Key: sale id.
 *
 * @param saleId     the withdrawn sale
 * @param courseId   the course that was on sale
 * @param actorId    the instructor or admin who withdrew it
 * @param occurredAt when it was withdrawn
 */
public record CourseSaleCancelled(
        UUID saleId,
        UUID courseId,
        UUID actorId,
        Instant occurredAt) implements PromotionEvent {

    public CourseSaleCancelled {
        requireNonNull(saleId, "saleId");
        requireNonNull(courseId, "courseId");
        requireNonNull(actorId, "actorId");
        requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return saleId.toString();
    }
}
