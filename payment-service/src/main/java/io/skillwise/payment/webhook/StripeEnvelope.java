package io.skillwise.payment.webhook;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A verified Stripe event, reduced to what the handlers read. The object is kept as JSON rather than stripe-java's
 * typed model: those typed objects only deserialize for the API version the library pins, while the few fields we
 * read are the same in every version.
 */
record StripeEnvelope(String id, String type, Instant created, JsonNode object) {

    String text(String field) {
        JsonNode value = object.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    String metadata(String key) {
        JsonNode value = object.path("metadata").path(key);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    long amount(String field) {
        return object.path(field).asLong();
    }
}
