package io.skillwise.promotion.sale;

import io.skillwise.events.common.Money;
import io.skillwise.promotion.sale.Sale.SaleStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class SaleRepository {

    private final JdbcClient jdbc;

    SaleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Sale sale) {
        jdbc.sql("""
                        insert into sale (id, course_id, instructor_id, price_amount, currency, starts_at, ends_at,
                                          campaign_id, status, created_by, created_at, updated_at)
                        values (:id, :course, :instructor, :amount, :currency, :startsAt, :endsAt, :campaign, :status,
                                :createdBy, :createdAt, :updatedAt)
                        on conflict (id) do update set price_amount = excluded.price_amount,
                            currency = excluded.currency, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                            campaign_id = excluded.campaign_id, status = excluded.status,
                            updated_at = excluded.updated_at""")
                .param("id", sale.id()).param("course", sale.courseId()).param("instructor", sale.instructorId())
                .param("amount", sale.salePrice().amount()).param("currency", sale.salePrice().currency())
                .param("startsAt", Timestamp.from(sale.startsAt())).param("endsAt", Timestamp.from(sale.endsAt()))
                .param("campaign", sale.campaignId()).param("status", sale.status().name())
                .param("createdBy", sale.createdBy()).param("createdAt", Timestamp.from(sale.createdAt()))
                .param("updatedAt", Timestamp.from(sale.updatedAt()))
                .update();
    }

    Optional<Sale> find(UUID id) {
        return jdbc.sql("select * from sale where id = :id").param("id", id).query(SaleRepository::map).optional();
    }

    /** Scheduled sales of the courses that are on at that instant. */
    List<Sale> activeAt(Collection<UUID> courseIds, Instant at) {
        if (courseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from sale where course_id in (:ids) and status = 'SCHEDULED'
                            and starts_at <= :at and ends_at > :at""")
                .param("ids", courseIds).param("at", Timestamp.from(at)).query(SaleRepository::map).list();
    }

    List<Sale> page(UUID instructorId, UUID courseId, int page, int size) {
        return jdbc.sql("select * from sale" + where(instructorId, courseId)
                        + " order by starts_at desc, id limit :limit offset :offset")
                .params(params(instructorId, courseId)).param("limit", size).param("offset", (long) page * size)
                .query(SaleRepository::map).list();
    }

    long count(UUID instructorId, UUID courseId) {
        return jdbc.sql("select count(*) from sale" + where(instructorId, courseId))
                .params(params(instructorId, courseId)).query(Long.class).single();
    }

    List<Sale> ofCampaign(UUID campaignId) {
        return jdbc.sql("select * from sale where campaign_id = :campaign order by starts_at")
                .param("campaign", campaignId).query(SaleRepository::map).list();
    }

    private static String where(UUID instructorId, UUID courseId) {
        List<String> conditions = new java.util.ArrayList<>();
        if (instructorId != null) {
            conditions.add("instructor_id = :instructor");
        }
        if (courseId != null) {
            conditions.add("course_id = :course");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static Map<String, Object> params(UUID instructorId, UUID courseId) {
        Map<String, Object> params = new java.util.HashMap<>();
        if (instructorId != null) {
            params.put("instructor", instructorId);
        }
        if (courseId != null) {
            params.put("course", courseId);
        }
        return params;
    }

    private static Sale map(ResultSet rs, int row) throws SQLException {
        return new Sale(rs.getObject("id", UUID.class), rs.getObject("course_id", UUID.class),
                rs.getObject("instructor_id", UUID.class),
                Money.of(rs.getLong("price_amount"), rs.getString("currency")),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getObject("campaign_id", UUID.class), SaleStatus.valueOf(rs.getString("status")),
                rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
