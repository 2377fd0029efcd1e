package io.skillwise.kit.messaging;

/**
 * A record that can never be processed, however often it is retried: no {@code ce_id}, a {@code ce_type} this
 * service does not know, or a body that is not the event's JSON (including a body the event's own invariants
 * refuse). The kit's error handler sends such records to {@code <topic>.dlt} at once, like every
 * {@link UnprocessableEventException}.
 */
public class MalformedEventException extends UnprocessableEventException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
