package io.skillwise.promotion.bundle;

import io.skillwise.events.common.Money;
import io.skillwise.promotion.bundle.Bundle.BundleStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class BundleRepository {

    private static final String SELECT = """
            select b.*, array_to_string(array(select course_id from bundle_course bc where bc.bundle_id = b.id
                                              order by position), ',') as course_ids
            from bundle b""";

    private final JdbcClient jdbc;

    BundleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Bundle bundle) {
        jdbc.sql("""
                        insert into bundle (id, owner_id, title, description, price_amount, currency, status,
                                            created_at, updated_at)
                        values (:id, :owner, :title, :description, :amount, :currency, :status, :createdAt, :updatedAt)
                        on conflict (id) do update set title = excluded.title, description = excluded.description,
                            price_amount = excluded.price_amount, currency = excluded.currency,
                            status = excluded.status, updated_at = excluded.updated_at""")
                .param("id", bundle.id()).param("owner", bundle.ownerId()).param("title", bundle.title())
                .param("description", bundle.description()).param("amount", bundle.price().amount())
                .param("currency", bundle.price().currency()).param("status", bundle.status().name())
                .param("createdAt", Timestamp.from(bundle.createdAt()))
                .param("updatedAt", Timestamp.from(bundle.updatedAt()))
                .update();
        jdbc.sql("delete from bundle_course where bundle_id = :id").param("id", bundle.id()).update();
        for (int i = 0; i < bundle.courseIds().size(); i++) {
            jdbc.sql("insert into bundle_course (bundle_id, course_id, position) values (:bundle, :course, :position)")
                    .param("bundle", bundle.id()).param("course", bundle.courseIds().get(i)).param("position", i)
                    .update();
        }
    }

    Optional<Bundle> find(UUID id) {
        return jdbc.sql(SELECT + " where b.id = :id").param("id", id).query(BundleRepository::map).optional();
    }

    /** Active bundles for anyone; with an owner, all of that owner's bundles. */
    List<Bundle> page(UUID ownerId, int page, int size) {
        return jdbc.sql(SELECT + where(ownerId) + " order by b.created_at desc, b.id limit :limit offset :offset")
                .params(params(ownerId)).param("limit", size).param("offset", (long) page * size)
                .query(BundleRepository::map).list();
    }

    long count(UUID ownerId) {
        return jdbc.sql("select count(*) from bundle b" + where(ownerId)).params(params(ownerId))
                .query(Long.class).single();
    }

    private static String where(UUID ownerId) {
        return ownerId == null ? " where b.status = 'ACTIVE'" : " where b.owner_id = :owner";
    }

    private static Map<String, Object> params(UUID ownerId) {
        return ownerId == null ? Map.of() : Map.of("owner", ownerId);
    }

    private static Bundle map(ResultSet rs, int row) throws SQLException {
        String ids = rs.getString("course_ids");
        return new Bundle(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("title"), rs.getString("description"),
                Money.of(rs.getLong("price_amount"), rs.getString("currency")),
                ids == null || ids.isEmpty() ? List.of()
                        : Arrays.stream(ids.split(",")).map(UUID::fromString).toList(),
                BundleStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
