package io.skillwise.promotion.coupon;

import io.skillwise.promotion.coupon.Coupon.CouponKind;
import io.skillwise.promotion.coupon.Coupon.CouponScope;
import io.skillwise.promotion.coupon.Coupon.CouponStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Coupons, their courses and their redemptions. */
@Repository
class CouponRepository {

    // the campaign decides when a campaign's coupons apply; a coupon without one is always "open"
    private static final String SELECT = """
            select c.*, array_to_string(array(select course_id from coupon_course cc where cc.coupon_id = c.id
                                                order by course_id), ',') as course_ids,
                   (c.campaign_id is null or (k.status = 'RUNNING')) as campaign_open
            from coupon c left join campaign k on k.id = c.campaign_id""";

    private final JdbcClient jdbc;

    CouponRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the code is taken */
    boolean insert(Coupon coupon) {
        int inserted = jdbc.sql("""
                        insert into coupon (id, code, owner_id, created_by, kind, percent_off, amount_off, currency,
                                            scope, starts_at, ends_at, total_limit, per_user_limit, minimum_price,
                                            first_purchase_only, status, campaign_id, redemptions, created_at,
                                            updated_at)
                        values (:id, :code, :owner, :createdBy, :kind, :percent, :amount, :currency, :scope, :startsAt,
                                :endsAt, :totalLimit, :perUserLimit, :minimum, :firstPurchase, :status, :campaign, 0,
                                :createdAt, :updatedAt)
                        on conflict (code) do nothing""")
                .param("id", coupon.id()).param("code", coupon.code()).param("owner", coupon.ownerId())
                .param("createdBy", coupon.createdBy()).param("kind", coupon.kind().name())
                .param("percent", coupon.percentOff()).param("amount", coupon.amountOff())
                .param("currency", coupon.currency()).param("scope", coupon.scope().name())
                .param("startsAt", ts(coupon.startsAt())).param("endsAt", ts(coupon.endsAt()))
                .param("totalLimit", coupon.totalLimit()).param("perUserLimit", coupon.perUserLimit())
                .param("minimum", coupon.minimumPrice()).param("firstPurchase", coupon.firstPurchaseOnly())
                .param("status", coupon.status().name()).param("campaign", coupon.campaignId())
                .param("createdAt", ts(coupon.createdAt())).param("updatedAt", ts(coupon.updatedAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        replaceCourses(coupon.id(), coupon.courseIds());
        return true;
    }

    void update(Coupon coupon) {
        jdbc.sql("""
                        update coupon set starts_at = :startsAt, ends_at = :endsAt, total_limit = :totalLimit,
                            per_user_limit = :perUserLimit, minimum_price = :minimum,
                            first_purchase_only = :firstPurchase, status = :status, campaign_id = :campaign,
                            percent_off = :percent, amount_off = :amount, updated_at = :updatedAt
                        where id = :id""")
                .param("id", coupon.id()).param("startsAt", ts(coupon.startsAt())).param("endsAt", ts(coupon.endsAt()))
                .param("totalLimit", coupon.totalLimit()).param("perUserLimit", coupon.perUserLimit())
                .param("minimum", coupon.minimumPrice()).param("firstPurchase", coupon.firstPurchaseOnly())
                .param("status", coupon.status().name()).param("campaign", coupon.campaignId())
                .param("percent", coupon.percentOff()).param("amount", coupon.amountOff())
                .param("updatedAt", ts(coupon.updatedAt()))
                .update();
        replaceCourses(coupon.id(), coupon.courseIds());
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from coupon where id = :id and redemptions = 0").param("id", id).update() == 1;
    }

    Optional<Coupon> find(UUID id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CouponRepository::map).optional();
    }

    Optional<Coupon> findByCode(String code) {
        return jdbc.sql(SELECT + " where c.code = :code").param("code", code).query(CouponRepository::map).optional();
    }

    List<Coupon> page(UUID ownerId, int page, int size) {
        return jdbc.sql(SELECT + (ownerId == null ? "" : " where c.owner_id = :owner")
                        + " order by c.created_at desc, c.id limit :limit offset :offset")
                .params(ownerId == null ? java.util.Map.of() : java.util.Map.of("owner", ownerId))
                .param("limit", size).param("offset", (long) page * size)
                .query(CouponRepository::map).list();
    }

    long count(UUID ownerId) {
        return jdbc.sql("select count(*) from coupon" + (ownerId == null ? "" : " where owner_id = :owner"))
                .params(ownerId == null ? java.util.Map.of() : java.util.Map.of("owner", ownerId))
                .query(Long.class).single();
    }

    List<Coupon> ofCampaign(UUID campaignId) {
        return jdbc.sql(SELECT + " where c.campaign_id = :campaign order by c.created_at")
                .param("campaign", campaignId).query(CouponRepository::map).list();
    }

    long redemptionsBy(UUID couponId, UUID buyerId) {
        return jdbc.sql("select count(*) from coupon_redemption where coupon_id = :coupon and buyer_id = :buyer")
                .param("coupon", couponId).param("buyer", buyerId).query(Long.class).single();
    }

    /**
     * Records a redemption once per order and counts it on the coupon with one atomic increment, so parallel
     * purchases never lose a count.
     *
     * @return false when the order was already recorded
     */
    boolean redeem(UUID redemptionId, UUID couponId, UUID orderId, UUID buyerId, long discount, String currency,
                   List<UUID> courseIds, Instant at) {
        int inserted = jdbc.sql("""
                        insert into coupon_redemption (id, coupon_id, order_id, buyer_id, discount, currency,
                                                       course_ids, redeemed_at)
                        values (:id, :coupon, :order, :buyer, :discount, :currency, :courses, :at)
                        on conflict (coupon_id, order_id) do nothing""")
                .param("id", redemptionId).param("coupon", couponId).param("order", orderId).param("buyer", buyerId)
                .param("discount", discount).param("currency", currency)
                .param("courses", join(courseIds)).param("at", ts(at))
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("update coupon set redemptions = redemptions + 1 where id = :id").param("id", couponId).update();
        return true;
    }

    void rememberQuote(UUID couponId, UUID buyerId, String courseKey, long discount, Instant at) {
        jdbc.sql("""
                        insert into coupon_quote (id, coupon_id, buyer_id, course_ids, discount, quoted_at)
                        values (:id, :coupon, :buyer, :courses, :discount, :at)""")
                .param("id", UUID.randomUUID()).param("coupon", couponId).param("buyer", buyerId)
                .param("courses", courseKey).param("discount", discount).param("at", ts(at))
                .update();
    }

    int forgetQuotesBefore(Instant before) {
        return jdbc.sql("delete from coupon_quote where quoted_at < :before")
                .param("before", ts(before)).update();
    }

    /** What the buyer's latest quote for these courses with this coupon gave, if there was one. */
    Optional<Long> quotedDiscount(UUID couponId, UUID buyerId, String courseKey) {
        return jdbc.sql("""
                        select discount from coupon_quote
                        where coupon_id = :coupon and buyer_id = :buyer and course_ids = :courses
                        order by quoted_at desc limit 1""")
                .param("coupon", couponId).param("buyer", buyerId).param("courses", courseKey)
                .query(Long.class).optional();
    }

    /** Redemptions of the coupons: count and discount per course and UTC day. */
    List<RedemptionFigure> redemptions(List<UUID> couponIds) {
        if (couponIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select coupon_id, order_id, course_ids, discount, currency, redeemed_at
                        from coupon_redemption where coupon_id in (:ids) order by redeemed_at""")
                .param("ids", couponIds)
                .query((rs, row) -> new RedemptionFigure(rs.getObject("coupon_id", UUID.class),
                        rs.getObject("order_id", UUID.class), uuids(rs.getString("course_ids")),
                        rs.getLong("discount"), rs.getString("currency"),
                        rs.getTimestamp("redeemed_at").toInstant()))
                .list();
    }

    private void replaceCourses(UUID couponId, List<UUID> courseIds) {
        jdbc.sql("delete from coupon_course where coupon_id = :id").param("id", couponId).update();
        for (UUID courseId : courseIds) {
            jdbc.sql("insert into coupon_course (coupon_id, course_id) values (:coupon, :course)")
                    .param("coupon", couponId).param("course", courseId).update();
        }
    }

    private static Coupon map(ResultSet rs, int row) throws SQLException {
        return new Coupon(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("owner_id", UUID.class),
                rs.getObject("created_by", UUID.class), CouponKind.valueOf(rs.getString("kind")),
                rs.getObject("percent_off", Integer.class), rs.getObject("amount_off", Long.class),
                rs.getString("currency"), CouponScope.valueOf(rs.getString("scope")),
                uuids(rs.getString("course_ids")), instant(rs, "starts_at"), instant(rs, "ends_at"),
                rs.getObject("total_limit", Integer.class), rs.getObject("per_user_limit", Integer.class),
                rs.getObject("minimum_price", Long.class), rs.getBoolean("first_purchase_only"),
                CouponStatus.valueOf(rs.getString("status")), rs.getObject("campaign_id", UUID.class),
                rs.getBoolean("campaign_open"), rs.getInt("redemptions"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static List<UUID> uuids(String joined) {
        return joined == null || joined.isEmpty() ? List.of()
                : Arrays.stream(joined.split(",")).map(UUID::fromString).toList();
    }

    static String join(List<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
