package io.skillwise.analytics.campaign;

import static io.skillwise.analytics.projection.SqlArrays.longs;
import static io.skillwise.analytics.projection.SqlArrays.texts;
import static io.skillwise.analytics.projection.SqlArrays.times;
import static io.skillwise.analytics.projection.SqlArrays.uuids;

import io.skillwise.events.promotion.CampaignEnded;
import io.skillwise.events.promotion.CampaignStarted;
import io.skillwise.events.promotion.CouponRedeemed;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code campaign} and {@code coupon_redemption} of the projection version in use. */
@Repository
class CampaignRepository {

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void started(Collection<CampaignStarted> started) {
        if (started.isEmpty()) {
            return;
        }
        // one statement per campaign: its course and coupon lists are arrays, which unnest cannot nest
        for (CampaignStarted campaign : started) {
            jdbc.sql("""
                            insert into campaign (campaign_id, owner_id, name, starts_at, ends_at, course_ids, coupon_ids)
                            values (:campaign, :owner, :name, :starts, :ends, :courses, :coupons)
                            on conflict (campaign_id) do update set owner_id = excluded.owner_id, name = excluded.name,
                                starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                                course_ids = excluded.course_ids, coupon_ids = excluded.coupon_ids""")
                    .param("campaign", campaign.campaignId()).param("owner", campaign.ownerId())
                    .param("name", campaign.name()).param("starts", Timestamp.from(campaign.startsAt()))
                    .param("ends", Timestamp.from(campaign.endsAt()))
                    .param("courses", uuids(campaign.courseIds())).param("coupons", uuids(campaign.couponIds()))
                    .update();
        }
    }

    /** An end the campaign learns before its start (or without it) still records the window it had. */
    void ended(Collection<CampaignEnded> ended) {
        if (ended.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into campaign (campaign_id, owner_id, name, starts_at, ended_at)
                        select * from unnest(:campaigns, :owners, :names, cast(:starts as timestamptz[]),
                                             cast(:ends as timestamptz[]))
                        on conflict (campaign_id) do update set
                            ended_at = least(coalesce(campaign.ended_at, excluded.ended_at), excluded.ended_at)""")
                .param("campaigns", uuids(ended.stream().map(CampaignEnded::campaignId).toList()))
                .param("owners", uuids(ended.stream().map(CampaignEnded::ownerId).toList()))
                .param("names", texts(ended.stream().map(CampaignEnded::name).toList()))
                .param("starts", times(ended.stream().map(CampaignEnded::startedAt).toList()))
                .param("ends", times(ended.stream().map(CampaignEnded::endedAt).toList()))
                .update();
    }

    void redeemed(List<CouponRedeemed> redemptions) {
        if (redemptions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into coupon_redemption (redemption_id, coupon_id, campaign_id, order_id, discount, currency,
                                                       occurred_at)
                        select * from unnest(:redemptions, :coupons, :campaigns, :orders, :discounts, :currencies,
                                             cast(:times as timestamptz[]))
                        on conflict do nothing""")
                .param("redemptions", uuids(redemptions.stream().map(CouponRedeemed::redemptionId).toList()))
                .param("coupons", uuids(redemptions.stream().map(CouponRedeemed::couponId).toList()))
                .param("campaigns", uuids(redemptions.stream().map(CouponRedeemed::campaignId).toList()))
                .param("orders", uuids(redemptions.stream().map(CouponRedeemed::orderId).toList()))
                .param("discounts", longs(redemptions.stream().map(r -> r.discount().amount()).toList()))
                .param("currencies", texts(redemptions.stream().map(r -> r.discount().currency()).toList()))
                .param("times", times(redemptions.stream().map(CouponRedeemed::occurredAt).toList()))
                .update();
    }

    /** The owner's campaigns, the latest-starting first. */
    List<CampaignService.Campaign> ofOwner(UUID ownerId, int limit) {
        return jdbc.sql("""
                        select * from campaign where owner_id = :owner
                        order by starts_at desc nulls last, campaign_id limit :limit""")
                .param("owner", ownerId).param("limit", limit)
                .query(CampaignRepository::map).list();
    }

    /** Per currency: redemptions of the campaign's coupons and the discount they gave. */
    List<CampaignService.Redemptions> redemptions(UUID campaignId) {
        return jdbc.sql("""
                        select currency, count(*) as redemptions, sum(discount) as discount from coupon_redemption
                        where campaign_id = :campaign group by currency order by currency""")
                .param("campaign", campaignId)
                .query((rs, row) -> new CampaignService.Redemptions(rs.getString("currency"),
                        rs.getLong("redemptions"), rs.getLong("discount")))
                .list();
    }

    private static CampaignService.Campaign map(ResultSet rs, int row) throws SQLException {
        return new CampaignService.Campaign(rs.getObject("campaign_id", UUID.class),
                rs.getObject("owner_id", UUID.class), rs.getString("name"), instant(rs.getTimestamp("starts_at")),
                instant(rs.getTimestamp("ends_at")), instant(rs.getTimestamp("ended_at")),
                uuidList(rs.getArray("course_ids")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<UUID> uuidList(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
    }
}
