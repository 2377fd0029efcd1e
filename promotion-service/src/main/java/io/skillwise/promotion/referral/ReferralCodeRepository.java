package io.skillwise.promotion.referral;

import io.skillwise.promotion.referral.ReferralCode.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Repository
class ReferralCodeRepository {

    private final JdbcClient jdbc;

    ReferralCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the code is taken (or the learner already has one) */
    boolean insert(ReferralCode code, Instant at) {
        return jdbc.sql("""
                        insert into referral_code (code, kind, user_id, membership_id, created_at)
                        values (:code, :kind, :user, :membership, :at) on conflict do nothing""")
                .param("code", code.code()).param("kind", code.kind().name()).param("user", code.userId())
                .param("membership", code.membershipId()).param("at", Timestamp.from(at))
                .update() == 1;
    }

    Optional<ReferralCode> find(String code) {
        return jdbc.sql("select code, kind, user_id, membership_id from referral_code where code = :code")
                .param("code", code)
                .query((rs, row) -> new ReferralCode(rs.getString("code"), Kind.valueOf(rs.getString("kind")),
                        rs.getObject("user_id", UUID.class), rs.getObject("membership_id", UUID.class)))
                .optional();
    }

    Optional<String> learnerCodeOf(UUID userId) {
        return jdbc.sql("select code from referral_code where user_id = :user and kind = 'LEARNER'")
                .param("user", userId).query(String.class).optional();
    }

    boolean insertCredit(UUID referrerId, UUID friendId, UUID orderId, String code, long amount, String currency,
                         Instant at) {
        return jdbc.sql("""
                        insert into referral_credit (id, referrer_id, friend_id, order_id, code, amount, currency,
                                                     earned_at)
                        values (:id, :referrer, :friend, :order, :code, :amount, :currency, :at)
                        on conflict (friend_id) do nothing""")
                .param("id", UUID.randomUUID()).param("referrer", referrerId).param("friend", friendId)
                .param("order", orderId).param("code", code).param("amount", amount).param("currency", currency)
                .param("at", Timestamp.from(at))
                .update() == 1;
    }

    record CreditTotal(String currency, long count, long amount) {
    }

    java.util.List<CreditTotal> creditsOf(UUID referrerId) {
        return jdbc.sql("""
                        select currency, count(*) as n, sum(amount) as total from referral_credit
                        where referrer_id = :referrer group by currency order by currency""")
                .param("referrer", referrerId)
                .query((rs, row) -> new CreditTotal(rs.getString("currency"), rs.getLong("n"), rs.getLong("total")))
                .list();
    }
}
