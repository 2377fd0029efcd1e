package io.skillwise.payment.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StripeEventRepository {

    record Parked(String eventId, String type, String payload) {
    }

    private final JdbcClient jdbc;

    StripeEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Remembers a Stripe event id in the caller's transaction. A concurrent redelivery waits on the primary key
     * until the first delivery commits, then finds it.
     *
     * @return false when the event was seen before
     */
    boolean record(String eventId, String type, Instant now) {
        return jdbc.sql("insert into stripe_event (id, type, received_at) values (:id, :type, :now) on conflict do nothing")
                .param("id", eventId).param("type", type).param("now", Timestamp.from(now)).update() == 1;
    }

    void park(String eventId, String type, UUID orderId, String intentId, String payload, Instant now) {
        jdbc.sql("""
                        insert into parked_stripe_event (event_id, type, order_id, intent_id, payload, parked_at)
                        values (:id, :type, :order, :intent, :payload, :now) on conflict (event_id) do nothing""")
                .param("id", eventId).param("type", type).param("order", orderId).param("intent", intentId)
                .param("payload", payload).param("now", Timestamp.from(now)).update();
    }

    /** Takes (and removes) the parked events about an order or its payment, oldest first. */
    List<Parked> takeParked(UUID orderId, String intentId) {
        return jdbc.sql("""
                        with taken as (
                            delete from parked_stripe_event
                            where order_id = :order or (cast(:intent as text) is not null and intent_id = :intent)
                            returning event_id, type, payload, parked_at)
                        select event_id, type, payload from taken order by parked_at, event_id""")
                .param("order", orderId).param("intent", intentId)
                .query((rs, row) -> new Parked(rs.getString("event_id"), rs.getString("type"), rs.getString("payload")))
                .list();
    }
}
