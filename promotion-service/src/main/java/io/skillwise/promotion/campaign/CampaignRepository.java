package io.skillwise.promotion.campaign;

import io.skillwise.promotion.campaign.Campaign.CampaignStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class CampaignRepository {

    private static final String SELECT = """
            select k.*, array_to_string(array(select course_id from campaign_course cc where cc.campaign_id = k.id
                                              order by course_id), ',') as course_ids
            from campaign k""";

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Campaign campaign) {
        jdbc.sql("""
                        insert into campaign (id, owner_id, name, starts_at, ends_at, status, created_at)
                        values (:id, :owner, :name, :startsAt, :endsAt, :status, :createdAt)""")
                .param("id", campaign.id()).param("owner", campaign.ownerId()).param("name", campaign.name())
                .param("startsAt", Timestamp.from(campaign.startsAt()))
                .param("endsAt", Timestamp.from(campaign.endsAt())).param("status", campaign.status().name())
                .param("createdAt", Timestamp.from(campaign.createdAt()))
                .update();
        for (UUID courseId : campaign.courseIds()) {
            jdbc.sql("insert into campaign_course (campaign_id, course_id) values (:campaign, :course)")
                    .param("campaign", campaign.id()).param("course", courseId).update();
        }
    }

    void markStarted(UUID id, Instant at) {
        jdbc.sql("update campaign set status = 'RUNNING', started_at = :at where id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    void markEnded(UUID id, Instant at, UUID stoppedBy) {
        jdbc.sql("update campaign set status = 'ENDED', ended_at = :at, stopped_by = :by where id = :id")
                .param("id", id).param("at", Timestamp.from(at)).param("by", stoppedBy).update();
    }

    Optional<Campaign> find(UUID id) {
        return jdbc.sql(SELECT + " where k.id = :id").param("id", id).query(CampaignRepository::map).optional();
    }

    Optional<Campaign> lock(UUID id) {
        return jdbc.sql(SELECT + " where k.id = :id for update of k").param("id", id)
                .query(CampaignRepository::map).optional();
    }

    /** Campaigns whose start or end is due, locked; another instance skips them rather than waiting. */
    List<Campaign> lockDue(Instant now, int limit) {
        return jdbc.sql(SELECT + """
                         where (k.status = 'SCHEDULED' and k.starts_at <= :now)
                            or (k.status = 'RUNNING' and k.ends_at <= :now)
                        order by k.starts_at limit :limit for update of k skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query(CampaignRepository::map).list();
    }

    List<Campaign> page(UUID ownerId, int page, int size) {
        return jdbc.sql(SELECT + (ownerId == null ? "" : " where k.owner_id = :owner")
                        + " order by k.starts_at desc, k.id limit :limit offset :offset")
                .params(ownerId == null ? Map.of() : Map.of("owner", ownerId))
                .param("limit", size).param("offset", (long) page * size)
                .query(CampaignRepository::map).list();
    }

    long count(UUID ownerId) {
        return jdbc.sql("select count(*) from campaign" + (ownerId == null ? "" : " where owner_id = :owner"))
                .params(ownerId == null ? Map.of() : Map.of("owner", ownerId)).query(Long.class).single();
    }

    private static Campaign map(ResultSet rs, int row) throws SQLException {
        String ids = rs.getString("course_ids");
        Timestamp startedAt = rs.getTimestamp("started_at");
        Timestamp endedAt = rs.getTimestamp("ended_at");
        return new Campaign(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("name"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), CampaignStatus.valueOf(rs.getString("status")),
                startedAt == null ? null : startedAt.toInstant(), endedAt == null ? null : endedAt.toInstant(),
                rs.getObject("stopped_by", UUID.class),
                ids == null || ids.isEmpty() ? List.of()
                        : Arrays.stream(ids.split(",")).map(UUID::fromString).toList(),
                rs.getTimestamp("created_at").toInstant());
    }
}
