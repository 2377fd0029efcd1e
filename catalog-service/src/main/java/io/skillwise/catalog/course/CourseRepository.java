package io.skillwise.catalog.course;

import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.common.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class CourseRepository {

    private static final String COLUMNS = "id, instructor_id, instructor_name, title, subtitle, description, "
            + "category_id, level, language, free, price_amount, price_currency, objectives, requirements, tags, "
            + "thumbnail_url, intro_video_url, status, enrollment_count, rating_average, rating_count, revision, ever_published, created_at, "
            + "updated_at, published_at";

    private final JdbcClient jdbc;

    public CourseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Course> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM course WHERE id = ?").param(id)
                .query(CourseRepository::map).optional();
    }

    /**
     * Loads the course and locks its row until the transaction ends, so changes to one course's curriculum
     * (position shifts) and revision never interleave.
     */
    public Optional<Course> lockById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM course WHERE id = ? FOR UPDATE").param(id)
                .query(CourseRepository::map).optional();
    }

    /**
     * The instructor's name comes from the identity replica when the catalog has it, else from the token of the
     * creating call; the category name is copied for the search document.
     */
    public void insert(Course c) {
        jdbc.sql("INSERT INTO course (" + COLUMNS + ", category_name) VALUES (:id, :instructorId, "
                        + "coalesce((SELECT display_name FROM instructor_replica WHERE user_id = :instructorId), "
                        + ":instructorName), :title, :subtitle, "
                        + ":description, :categoryId, :level, :language, :free, :priceAmount, :priceCurrency, "
                        + ":objectives, :requirements, :tags, :thumbnailUrl, :introVideoUrl, :status, 0, 0, 0, :revision, "
                        + ":everPublished, :createdAt, :updatedAt, :publishedAt, "
                        + "(SELECT name FROM category WHERE id = :categoryId))")
                .params(params(c))
                .update();
    }

    public void update(Course c) {
        jdbc.sql("UPDATE course SET title = :title, subtitle = :subtitle, description = :description, "
                        + "category_id = :categoryId, category_name = (SELECT name FROM category WHERE id = :categoryId), "
                        + "level = :level, language = :language, free = :free, "
                        + "price_amount = :priceAmount, price_currency = :priceCurrency, objectives = :objectives, "
                        + "requirements = :requirements, tags = :tags, thumbnail_url = :thumbnailUrl, "
                        + "intro_video_url = :introVideoUrl, status = :status, revision = :revision, "
                        + "ever_published = :everPublished, updated_at = :updatedAt, published_at = :publishedAt "
                        + "WHERE id = :id")
                .params(params(c))
                .update();
    }

    /** Copies the category's current name onto all its courses (their search documents include it). */
    public void copyCategoryName(UUID categoryId) {
        jdbc.sql("UPDATE course SET category_name = (SELECT name FROM category WHERE id = :category) "
                + "WHERE category_id = :category").param("category", categoryId).update();
    }

    /** The courses of a category that other services know (published at least once), locked in id order. */
    public List<Course> lockEverPublishedIn(UUID categoryId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM course WHERE category_id = ? AND ever_published ORDER BY id "
                        + "FOR UPDATE").param(categoryId).query(CourseRepository::map).list();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM course WHERE id = ?").param(id).update();
    }

    private static java.util.Map<String, Object> params(Course c) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", c.id());
        p.put("instructorId", c.instructorId());
        p.put("instructorName", c.instructorName());
        p.put("title", c.title());
        p.put("subtitle", c.subtitle());
        p.put("description", c.description());
        p.put("categoryId", c.categoryId());
        p.put("level", c.level().name());
        p.put("language", c.language());
        p.put("free", c.free());
        p.put("priceAmount", c.price() == null ? null : c.price().amount());
        p.put("priceCurrency", c.price() == null ? null : c.price().currency());
        p.put("objectives", c.objectives().toArray(String[]::new));
        p.put("requirements", c.requirements().toArray(String[]::new));
        p.put("tags", c.tags().toArray(String[]::new));
        p.put("thumbnailUrl", c.thumbnailUrl());
        p.put("introVideoUrl", c.introVideoUrl());
        p.put("status", c.status().name());
        p.put("revision", c.revision());
        p.put("everPublished", c.everPublished());
        p.put("createdAt", timestamp(c.createdAt()));
        p.put("updatedAt", timestamp(c.updatedAt()));
        p.put("publishedAt", timestamp(c.publishedAt()));
        return p;
    }

    static Course map(ResultSet rs, int row) throws SQLException {
        Course.Builder b = Course.builder();
        b.id = rs.getObject("id", UUID.class);
        b.instructorId = rs.getObject("instructor_id", UUID.class);
        b.instructorName = rs.getString("instructor_name");
        b.title = rs.getString("title");
        b.subtitle = rs.getString("subtitle");
        b.description = rs.getString("description");
        b.categoryId = rs.getObject("category_id", UUID.class);
        b.level = CourseLevel.valueOf(rs.getString("level"));
        b.language = rs.getString("language");
        b.free = rs.getBoolean("free");
        long amount = rs.getLong("price_amount");
        b.price = rs.wasNull() ? null : Money.of(amount, rs.getString("price_currency"));
        b.objectives = strings(rs.getArray("objectives"));
        b.requirements = strings(rs.getArray("requirements"));
        b.tags = strings(rs.getArray("tags"));
        b.thumbnailUrl = rs.getString("thumbnail_url");
        b.introVideoUrl = rs.getString("intro_video_url");
        b.status = CourseStatus.valueOf(rs.getString("status"));
        b.enrollmentCount = rs.getInt("enrollment_count");
        b.ratingAverage = rs.getDouble("rating_average");
        b.ratingCount = rs.getInt("rating_count");
        b.revision = rs.getLong("revision");
        b.everPublished = rs.getBoolean("ever_published");
        b.createdAt = instant(rs, "created_at");
        b.updatedAt = instant(rs, "updated_at");
        b.publishedAt = instant(rs, "published_at");
        return b.build();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
