package io.skillwise.payment.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubscriptionRepository {

    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the subscriber already used the idempotency key */
    public boolean insertIfNew(Subscription s) {
        return jdbc.sql("""
                        insert into subscription (id, subscriber_id, subscriber_email, idempotency_key, plan_code,
                            price_amount, currency, status, created_at, updated_at)
                        values (:id, :subscriber, :email, :key, :plan, :price, :currency, :status, :created, :updated)
                        on conflict (subscriber_id, idempotency_key) do nothing""")
                .param("id", s.id()).param("subscriber", s.subscriberId()).param("email", s.subscriberEmail())
                .param("key", s.idempotencyKey()).param("plan", s.planCode()).param("price", s.priceAmount())
                .param("currency", s.currency()).param("status", s.status().name())
                .param("created", Timestamp.from(s.createdAt())).param("updated", Timestamp.from(s.updatedAt()))
                .update() == 1;
    }

    public void update(Subscription s) {
        jdbc.sql("""
                        update subscription set status = :status, stripe_subscription_id = :stripe,
                            checkout_session_id = :session, checkout_url = :url, current_period_start = :start,
                            current_period_end = :end, cancel_at_period_end = :cancel, updated_at = :updated
                        where id = :id""")
                .param("id", s.id()).param("status", s.status().name()).param("stripe", s.stripeSubscriptionId())
                .param("session", s.checkoutSessionId()).param("url", s.checkoutUrl())
                .param("start", ts(s.currentPeriodStart())).param("end", ts(s.currentPeriodEnd()))
                .param("cancel", s.cancelAtPeriodEnd()).param("updated", ts(s.updatedAt()))
                .update();
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("select * from subscription where id = :id").param("id", id)
                .query(SubscriptionRepository::map).optional();
    }

    public Optional<Subscription> lock(UUID id) {
        return jdbc.sql("select * from subscription where id = :id for update").param("id", id)
                .query(SubscriptionRepository::map).optional();
    }

    public Optional<Subscription> lockByStripeId(String stripeId) {
        return jdbc.sql("select * from subscription where stripe_subscription_id = :stripe for update")
                .param("stripe", stripeId).query(SubscriptionRepository::map).optional();
    }

    public Optional<Subscription> findByIdempotencyKey(UUID subscriberId, String key) {
        return jdbc.sql("select * from subscription where subscriber_id = :subscriber and idempotency_key = :key")
                .param("subscriber", subscriberId).param("key", key).query(SubscriptionRepository::map).optional();
    }

    public boolean hasLive(UUID subscriberId) {
        return jdbc.sql("select count(*) from subscription where subscriber_id = :s and status in ('ACTIVE', 'PAST_DUE')")
                .param("s", subscriberId).query(Long.class).single() > 0;
    }

    public List<Subscription> bySubscriber(UUID subscriberId) {
        return jdbc.sql("select * from subscription where subscriber_id = :s order by created_at desc")
                .param("s", subscriberId).query(SubscriptionRepository::map).list();
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getObject("subscriber_id", UUID.class),
                rs.getString("subscriber_email"), rs.getString("idempotency_key"), rs.getString("plan_code"),
                rs.getLong("price_amount"), rs.getString("currency"),
                SubscriptionStatus.valueOf(rs.getString("status")), rs.getString("stripe_subscription_id"),
                rs.getString("checkout_session_id"), rs.getString("checkout_url"),
                instant(rs, "current_period_start"), instant(rs, "current_period_end"),
                rs.getBoolean("cancel_at_period_end"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
