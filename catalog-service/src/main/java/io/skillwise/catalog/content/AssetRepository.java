package io.skillwise.catalog.content;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class AssetRepository {

    private static final String COLUMNS = "id, lesson_id, course_id, kind, file_name, content_type, size, storage_key, "
            + "created_at";

    private final JdbcClient jdbc;

    public AssetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Asset asset) {
        jdbc.sql("INSERT INTO lesson_asset (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(asset.id(), asset.lessonId(), asset.courseId(), asset.kind().name(), asset.fileName(),
                        asset.contentType(), asset.size(), asset.storageKey(), asset.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    public Optional<Asset> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lesson_asset WHERE id = ?").param(id)
                .query(AssetRepository::map).optional();
    }

    public List<Asset> findByLesson(UUID lessonId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lesson_asset WHERE lesson_id = ? ORDER BY created_at, id")
                .param(lessonId).query(AssetRepository::map).list();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM lesson_asset WHERE id = ?").param(id).update();
    }

    private static Asset map(ResultSet rs, int row) throws SQLException {
        return new Asset(rs.getObject("id", UUID.class), rs.getObject("lesson_id", UUID.class),
                rs.getObject("course_id", UUID.class), AssetType.Kind.valueOf(rs.getString("kind")),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"),
                rs.getString("storage_key"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
