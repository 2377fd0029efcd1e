package io.skillwise.promotion.replica;

import io.skillwise.events.catalog.CourseReplicaStore;
import io.skillwise.events.catalog.CourseState;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.common.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The local replica of catalog courses (table {@code course}). */
@Repository
class CourseRepository implements CourseReplicaStore {

    private static final String COLUMNS = "id, instructor_id, title, status, free, price_amount, price_currency";

    private final JdbcClient jdbc;

    CourseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the snapshot unless one of the same or a later revision is already there. */
    @Override
    public boolean saveIfNewer(CourseState course, Instant now) {
        Money price = course.price();
        return jdbc.sql("""
                        insert into course (id, instructor_id, title, status, free, price_amount, price_currency,
                                            revision, updated_at)
                        values (:id, :instructor, :title, :status, :free, :amount, :currency, :revision, :now)
                        on conflict (id) do update set instructor_id = excluded.instructor_id, title = excluded.title,
                            status = excluded.status, free = excluded.free, price_amount = excluded.price_amount,
                            price_currency = excluded.price_currency, revision = excluded.revision,
                            updated_at = excluded.updated_at
                        where course.revision < excluded.revision""")
                .param("id", course.courseId()).param("instructor", course.instructorId())
                .param("title", course.title()).param("status", course.status().name()).param("free", course.free())
                .param("amount", price == null ? null : price.amount())
                .param("currency", price == null ? null : price.currency())
                .param("revision", course.revision()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    @Override
    public boolean changeStatusIfNewer(UUID courseId, CourseStatus status, long revision, Instant now) {
        return jdbc.sql("update course set status = :status, revision = :revision, updated_at = :now "
                        + "where id = :id and revision < :revision")
                .param("id", courseId).param("status", status.name()).param("revision", revision)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    @Override
    public void delete(UUID courseId, Instant now) {
        jdbc.sql("delete from course where id = :id").param("id", courseId).update();
    }

    Optional<Course> find(UUID courseId) {
        return jdbc.sql("select " + COLUMNS + " from course where id = :id").param("id", courseId)
                .query(CourseRepository::map).optional();
    }

    /** The courses found, in the order asked for; unknown ids are left out. */
    Map<UUID, Course> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Course> found = new LinkedHashMap<>();
        List<Course> rows = jdbc.sql("select " + COLUMNS + " from course where id in (:ids)").param("ids", ids)
                .query(CourseRepository::map).list();
        for (UUID id : ids) {
            rows.stream().filter(course -> course.id().equals(id)).findFirst().ifPresent(c -> found.put(id, c));
        }
        return found;
    }

    List<UUID> idsOfInstructor(UUID instructorId) {
        return jdbc.sql("select id from course where instructor_id = :instructor order by id")
                .param("instructor", instructorId).query(UUID.class).list();
    }

    private static Course map(ResultSet rs, int row) throws SQLException {
        long amount = rs.getLong("price_amount");
        Money price = rs.wasNull() ? null : Money.of(amount, rs.getString("price_currency"));
        return new Course(rs.getObject("id", UUID.class), rs.getObject("instructor_id", UUID.class),
                rs.getString("title"), CourseStatus.valueOf(rs.getString("status")), rs.getBoolean("free"), price);
    }
}
