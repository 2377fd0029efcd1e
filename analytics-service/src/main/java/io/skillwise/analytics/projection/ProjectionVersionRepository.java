package io.skillwise.analytics.projection;

import io.skillwise.analytics.projection.ProjectionVersion.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code projection_version} (public schema). */
@Repository
class ProjectionVersionRepository {

    private final JdbcClient jdbc;

    ProjectionVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the decisions about versions among instances, until the transaction ends. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('analytics.projection_version'))").query().singleValue();
    }

    List<ProjectionVersion> all() {
        return jdbc.sql("select * from projection_version order by version").query(ProjectionVersionRepository::map)
                .list();
    }

    Optional<ProjectionVersion> withStatus(Status status) {
        return jdbc.sql("select * from projection_version where status = :status").param("status", status.name())
                .query(ProjectionVersionRepository::map).optional();
    }

    Optional<ProjectionVersion> find(int version) {
        return jdbc.sql("select * from projection_version where version = :version").param("version", version)
                .query(ProjectionVersionRepository::map).optional();
    }

    int next() {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from projection_version").query(Integer.class).single();
    }

    void insert(int version, int layout, Status status, Instant at, UUID requestedBy) {
        jdbc.sql("""
                        insert into projection_version (version, layout, status, created_at, requested_by, activated_at)
                        values (:version, :layout, :status, :at, :by, :activated)""")
                .param("version", version).param("layout", layout).param("status", status.name())
                .param("at", Timestamp.from(at)).param("by", requestedBy)
                .param("activated", status == Status.ACTIVE ? Timestamp.from(at) : null)
                .update();
    }

    /** Moves a version from one status to another; false when it was not in {@code from} (another instance was first). */
    boolean move(int version, Status from, Status to, Instant at) {
        return jdbc.sql("""
                        update projection_version set status = :to,
                            activated_at = case when :to = 'ACTIVE' then :at else activated_at end,
                            retired_at = case when :to = 'RETIRED' then :at else retired_at end
                        where version = :version and status = :from""")
                .param("version", version).param("from", from.name()).param("to", to.name())
                .param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Retired versions whose grace period is over. */
    List<ProjectionVersion> retiredBefore(Instant before) {
        return jdbc.sql("select * from projection_version where status = 'RETIRED' and retired_at < :before")
                .param("before", Timestamp.from(before)).query(ProjectionVersionRepository::map).list();
    }

    private static ProjectionVersion map(ResultSet rs, int row) throws SQLException {
        return new ProjectionVersion(rs.getInt("version"), rs.getInt("layout"), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("requested_by", UUID.class),
                instant(rs.getTimestamp("activated_at")), instant(rs.getTimestamp("retired_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
