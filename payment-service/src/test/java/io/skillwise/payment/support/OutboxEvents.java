package io.skillwise.payment.support;

import io.skillwise.testsupport.ApiClient;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What payment-service wrote to its outbox for an order: the events other services will read. */
public final class OutboxEvents {

    private OutboxEvents() {
    }

    /** The one event of this type (e.g. {@code "CoursePurchased"}) for the order, as JSON. */
    public static JsonNode payload(JdbcClient jdbc, String orderId, String type) {
        String payload = jdbc.sql("select payload::text from outbox_event where event_key = :key and event_type like :type")
                .param("key", orderId).param("type", "%." + type + ".%").query(String.class).single();
        return ApiClient.JSON.readTree(payload);
    }

    /** The types of the order's events in publication order, without prefix and version. */
    public static List<String> types(JdbcClient jdbc, String orderId) {
        return jdbc.sql("select event_type from outbox_event where event_key = :key order by seq")
                .param("key", orderId).query(String.class).list().stream()
                .map(type -> type.replace("io.skillwise.payment.", "").replace(".v1", "")).toList();
    }
}
