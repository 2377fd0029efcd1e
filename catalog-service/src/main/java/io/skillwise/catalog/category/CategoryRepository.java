package io.skillwise.catalog.category;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class CategoryRepository {

    private final JdbcClient jdbc;

    public CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> findAll() {
        return jdbc.sql("SELECT id, parent_id, slug, name, position FROM category ORDER BY position, name")
                .query(CategoryRepository::map).list();
    }

    public Optional<Category> findById(UUID id) {
        return jdbc.sql("SELECT id, parent_id, slug, name, position FROM category WHERE id = ?")
                .param(id).query(CategoryRepository::map).optional();
    }

    /** By id (a UUID string) or by slug, as clients may send either. */
    public Optional<Category> findByKey(String key) {
        UUID id = parseUuid(key);
        if (id != null) {
            return findById(id);
        }
        return jdbc.sql("SELECT id, parent_id, slug, name, position FROM category WHERE slug = ?")
                .param(key).query(CategoryRepository::map).optional();
    }

    /** The category named by id or slug and every category below it; empty when there is no such category. */
    public List<UUID> subtree(String key) {
        return jdbc.sql("WITH RECURSIVE tree AS (SELECT id FROM category WHERE slug = :key OR id::text = :key "
                        + "UNION ALL SELECT child.id FROM category child JOIN tree ON child.parent_id = tree.id) "
                        + "SELECT id FROM tree")
                .param("key", key).query(UUID.class).list();
    }

    public boolean existsBySlug(String slug) {
        return jdbc.sql("SELECT count(*) FROM category WHERE slug = ?").param(slug).query(Long.class).single() > 0;
    }

    public int countChildren(UUID parentId) {
        return jdbc.sql("SELECT count(*) FROM category WHERE parent_id IS NOT DISTINCT FROM ?")
                .param(parentId).query(Integer.class).single();
    }

    public boolean isUsed(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM category WHERE parent_id = :id) "
                        + "OR EXISTS (SELECT 1 FROM course WHERE category_id = :id)")
                .param("id", id).query(Boolean.class).single();
    }

    public void insert(Category category) {
        jdbc.sql("INSERT INTO category (id, parent_id, slug, name, position) VALUES (?, ?, ?, ?, ?)")
                .params(category.id(), category.parentId(), category.slug(), category.name(), category.position())
                .update();
    }

    /** Whether {@code candidate} is the category itself or below it in the tree. */
    public boolean isWithin(UUID candidate, UUID category) {
        return jdbc.sql("WITH RECURSIVE tree AS (SELECT id FROM category WHERE id = :category "
                        + "UNION ALL SELECT child.id FROM category child JOIN tree ON child.parent_id = tree.id) "
                        + "SELECT EXISTS (SELECT 1 FROM tree WHERE id = :candidate)")
                .param("category", category).param("candidate", candidate).query(Boolean.class).single();
    }

    /** Moves in the tree are checked against the whole tree: one at a time, reads go on. */
    public void lockTree() {
        jdbc.sql("LOCK TABLE category IN SHARE ROW EXCLUSIVE MODE").update();
    }

    public void update(Category category) {
        jdbc.sql("UPDATE category SET parent_id = ?, slug = ?, name = ?, position = ? WHERE id = ?")
                .params(category.parentId(), category.slug(), category.name(), category.position(), category.id())
                .update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM category WHERE id = ?").param(id).update();
    }

    static UUID parseUuid(String key) {
        try {
            return key != null && key.length() == 36 ? UUID.fromString(key) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Category map(ResultSet rs, int row) throws SQLException {
        return new Category(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
                rs.getString("slug"), rs.getString("name"), rs.getInt("position"));
    }
}
