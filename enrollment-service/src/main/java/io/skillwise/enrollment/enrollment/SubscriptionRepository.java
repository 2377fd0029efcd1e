package io.skillwise.enrollment.enrollment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions as far as access goes: who holds one, and whether it is still running. */
@Repository
public class SubscriptionRepository {

    private final JdbcClient jdbc;

    public SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Activation and renewal both (re)start access: a renewal also repairs a missed activation. */
    public void saveActive(UUID subscriptionId, UUID subscriberId, Instant periodEnd, Instant now) {
        jdbc.sql("""
                        insert into subscription (id, subscriber_id, status, current_period_end, updated_at)
                        values (:id, :subscriber, 'ACTIVE', :periodEnd, :now)
                        on conflict (id) do update set current_period_end = excluded.current_period_end,
                            updated_at = excluded.updated_at
                        where subscription.status = 'ACTIVE'""")
                .param("id", subscriptionId).param("subscriber", subscriberId)
                .param("periodEnd", periodEnd == null ? null : Timestamp.from(periodEnd))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** An ended subscription stays ended, whatever arrives for it later. */
    public void saveEnded(UUID subscriptionId, UUID subscriberId, Instant now) {
        jdbc.sql("""
                        insert into subscription (id, subscriber_id, status, updated_at)
                        values (:id, :subscriber, 'ENDED', :now)
                        on conflict (id) do update set status = 'ENDED', updated_at = excluded.updated_at""")
                .param("id", subscriptionId).param("subscriber", subscriberId).param("now", Timestamp.from(now))
                .update();
    }

    public Optional<UUID> activeOf(UUID subscriberId) {
        return jdbc.sql("""
                        select id from subscription where subscriber_id = :subscriber and status = 'ACTIVE'
                        order by updated_at desc limit 1""")
                .param("subscriber", subscriberId).query(UUID.class).optional();
    }

    /** Enrollments the subscription granted that still grant or pause access. */
    public List<UUID> enrollmentsGrantedBy(UUID subscriptionId) {
        return jdbc.sql("""
                        select id from enrollment where subscription_id = :id and source = 'SUBSCRIPTION'
                        and status <> 'REVOKED' for update""")
                .param("id", subscriptionId).query(UUID.class).list();
    }
}
