package io.skillwise.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the platform knows about one event type: where it is published and under which CloudEvents type.
 *
 * @param topic      the Kafka topic the event is published on
 * @param type       the CloudEvents {@code ce_type}, {@code io.skillwise.<context>.<name>.v<version>}
 * @param eventClass the record a consumer deserialises the body into
 * @param context    the producing bounded context, also the sub-package of {@code eventClass}
 * @param name       the event name, e.g. {@code CoursePurchased}
 * @param version    the schema version; a breaking change means a new version, never an edit of this one
 */
public record EventDescriptor(
        String topic,
        String type,
        Class<? extends DomainEvent> eventClass,
        String context,
        String name,
        int version) {

    private static final Pattern CONTEXT = Pattern.compile("[a-z]+");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");

    public EventDescriptor {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventClass, "eventClass");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(name, "name");
        if (!CONTEXT.matcher(context).matches() || !NAME.matcher(name).matches() || version < 1) {
            throw new IllegalArgumentException("bad event coordinates: " + context + "/" + name + "/v" + version);
        }
        if (!type.equals(typeOf(context, name, version))) {
            throw new IllegalArgumentException("type '" + type + "' does not follow " + typeOf(context, name, version));
        }
    }

    /** Builds the descriptor whose type follows from its coordinates. */
    public static EventDescriptor of(
            String topic, String context, String name, int version, Class<? extends DomainEvent> eventClass) {
        return new EventDescriptor(topic, typeOf(context, name, version), eventClass, context, name, version);
    }

    /** The CloudEvents type for the given coordinates, e.g. {@code io.skillwise.payment.CoursePurchased.v1}. */
    public static String typeOf(String context, String name, int version) {
        return "io.skillwise." + context + "." + name + ".v" + version;
    }

    /**
     * Class-path location of the event's JSON Schema (draft 2020-12), for a {@code ClassLoader.getResource} lookup,
     * e.g. {@code io/skillwise/events/schemas/payment/CoursePurchased.v1.json}.
     */
    public String schemaResource() {
        return "io/skillwise/events/schemas/" + context + "/" + name + ".v" + version + ".json";
    }
}
