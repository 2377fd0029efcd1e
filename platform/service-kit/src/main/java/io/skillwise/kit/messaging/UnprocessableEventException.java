package io.skillwise.kit.messaging;

/**
 * Thrown by a handler (or by the kit) when an event can never be applied, however often it is retried: it breaks
 * the event's invariants, or a business rule refuses it for good (an order line for a course that does not exist
 * in this service and never will, an amount this service cannot book). The kit's error handler sends the record
 * to {@code <topic>.dlt} at once, without retries, and the partition moves on. After a fix (code or data) the
 * record is replayed from there ({@code POST /admin/dead-letters/{topic}/replay}, see docs/messaging.md).
 *
 * <p>Throw it only for a refusal that cannot pass later by itself. A failure that may pass on a later attempt
 * (the database or Kafka away, a timeout, a lock) is transient and must propagate as it is: the kit retries it for
 * as long as it takes, holding the partition so that the events of a key stay in order.
 *
 * <pre>{@code
 * case CoursePurchased purchased -> inbox.processOnce(event, e -> {
 *     if (!courses.exists(purchased.courseIds())) {
 *         throw new UnprocessableEventException(event, "buys a course this service does not know");
 *     }
 *     enrollments.purchased(purchased);
 * });
 * }</pre>
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Names the event (type, id, where it came from) in the message, so the dead letter explains itself. */
    public UnprocessableEventException(IncomingEvent event, String reason) {
        super(event + " can never be applied: " + reason);
    }
}
