package io.skillwise.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An immutable fact, named in the past tense, that one service publishes and others consume.
 *
 * <p>The two class-level Jackson annotations are inherited by every event record, so the wire rules hold whatever
 * mapper a service configures: optional fields are left out rather than written as {@code null} (the schemas do not
 * allow null), and a consumer built against an older version of an event ignores fields added since.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public interface DomainEvent {

    /**
     * The id of the aggregate this fact is about: the Kafka record key and the CloudEvents {@code ce_subject}.
     * Review events answer the course id, not the review id.
     */
    @JsonIgnore
    String aggregateId();

    /** When the fact became true in the producing service (also the CloudEvents {@code ce_time}). */
    Instant occurredAt();
}
