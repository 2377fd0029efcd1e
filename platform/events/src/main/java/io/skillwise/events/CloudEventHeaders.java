package io.skillwise.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * Header names and fixed values of the CloudEvents 1.0 Kafka protocol binding in binary content mode: the event
 * record is the Kafka value as plain JSON, the envelope attributes travel as headers.
 */
public final class CloudEventHeaders {

    /** Unique id of this publication (a UUID); consumers de-duplicate on it. */
    public static final String ID = "ce_id";
    /** The producing service, as a URI reference: see {@link #source(String)}. */
    public static final String SOURCE = "ce_source";
    /** {@code io.skillwise.<context>.<EventName>.v<version>}: see {@link EventDescriptor#type()}. */
    public static final String TYPE = "ce_type";
    /** {@link DomainEvent#occurredAt()} as an RFC 3339 UTC timestamp. */
    public static final String TIME = "ce_time";
    /** {@link DomainEvent#aggregateId()}; equal to the record key. */
    public static final String SUBJECT = "ce_subject";
    /** CloudEvents spec version header. */
    public static final String SPEC_VERSION = "ce_specversion";
    /** The only spec version we publish. */
    public static final String SPEC_VERSION_VALUE = "1.0";
    /** The binary mode carries the data content type in the plain {@code content-type} header, without prefix. */
    public static final String CONTENT_TYPE = "content-type";
    /** Every event body is JSON. */
    public static final String CONTENT_TYPE_JSON = "application/json";

    private static final String SOURCE_PREFIX = "/skillwise/";

    private CloudEventHeaders() {
    }

    /** The {@code ce_source} of a service, e.g. {@code /skillwise/payment-service}. */
    public static String source(String serviceName) {
        Objects.requireNonNull(serviceName, "serviceName");
        if (serviceName.isBlank() || serviceName.contains("/")) {
            throw new IllegalArgumentException("not a service name: '" + serviceName + "'");
        }
        return SOURCE_PREFIX + serviceName;
    }

    /**
     * Every envelope header of one publication, read-only and in a stable order, so that all producers fill them
     * alike.
     *
     * @param event the fact being published
     * @param id    the publication id; the outbox keeps it so that a retried publication reuses it
     * @param serviceName the producing service, e.g. {@code payment-service}
     */
    public static SequencedMap<String, String> of(DomainEvent event, String id, String serviceName) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(id, "id");
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, SPEC_VERSION_VALUE);
        headers.put(ID, id);
        headers.put(SOURCE, source(serviceName));
        headers.put(TYPE, EventCatalog.of(event.getClass()).type());
        headers.put(TIME, event.occurredAt().toString());
        headers.put(SUBJECT, event.aggregateId());
        headers.put(CONTENT_TYPE, CONTENT_TYPE_JSON);
        return Collections.unmodifiableSequencedMap(headers);
    }
}
