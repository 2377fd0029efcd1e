package io.skillwise.kit.messaging;

/**
 * An event larger than Kafka accepts ({@code skillwise.outbox.max-event-size}, at most the producer's
 * {@code max.request.size}). Thrown when the event is published into the outbox, inside the caller's transaction, so
 * the state change fails with it instead of committing an event that could never be sent. Make the event smaller
 * (e.g. carry ids rather than whole documents) or, if such events are intended, raise the limits of the broker, the
 * topic and the producer together.
 */
public class EventTooLargeException extends IllegalArgumentException {

    public EventTooLargeException(String message) {
        super(message);
    }
}
