package io.skillwise.identity.profile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Avatar images, already re-encoded; small enough (a few hundred KB at most) to live in PostgreSQL. */
@Repository
public class AvatarRepository {

    public record StoredAvatar(byte[] content, String contentType, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    public AvatarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(UUID userId, byte[] content, String contentType, Instant now) {
        jdbc.sql("""
                        insert into avatar (user_id, content, content_type, updated_at) values (:id, :content, :type, :now)
                        on conflict (user_id) do update set content = excluded.content, content_type = excluded.content_type,
                            updated_at = excluded.updated_at
                        """)
                .param("id", userId).param("content", content).param("type", contentType)
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<StoredAvatar> find(UUID userId) {
        return jdbc.sql("select content, content_type, updated_at from avatar where user_id = :id").param("id", userId)
                .query((rs, row) -> new StoredAvatar(rs.getBytes("content"), rs.getString("content_type"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }
}
