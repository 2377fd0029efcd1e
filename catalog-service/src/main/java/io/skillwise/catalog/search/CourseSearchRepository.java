package io.skillwise.catalog.search;

import io.skillwise.catalog.search.CourseQuery.Sort;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CourseStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The course listing: one SQL statement per page (filters, relevance, sort, page and the total through
 * {@code count(*) OVER ()}), so the number of queries does not grow with the page size or the number of pages.
 *
 * <h2>Matching and ranking</h2>
 * <ol>
 * <li>Full text first: a course matches when its document matches {@code websearch_to_tsquery('english', search)}
 * (stemmed English words; quotes, {@code or} and {@code -word} work as on web search engines). The document weighs
 * title words A, subtitle and tag words B, description, instructor name and category name C; relevance is
 * {@code ts_rank({0.1, 0.2, 0.4, 1.0}, document, query)}, so a title hit ranks above a subtitle or tag hit, which
 * ranks above a description hit.</li>
 * <li>Only when nothing matches the full text (a typo such as "pyhton", a partial word such as "kube"), the search is
 * compared by trigrams with the title, subtitle, tags and instructor name: a course matches when
 * {@code word_similarity(search, text) >= 0.4}, and relevance is that similarity. This second statement runs only for
 * searches the first found nothing for.</li>
 * </ol>
 * Ties go to the more popular course, then the id. Both stages are served by GIN indexes ({@code search_vector},
 * {@code search_text gin_trgm_ops}); the trigram candidates are taken from their index before the other filters apply,
 * since testing trigram similarity row by row is what would make a listing slow.
 */
@Repository
public class CourseSearchRepository {

    static final double TRIGRAM_THRESHOLD = 0.4;

    private final JdbcClient jdbc;

    public CourseSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Page(List<CourseListItem> items, long total) {
    }

    private enum Match { NONE, FULL_TEXT, TRIGRAM }

    /**
     * @param viewer  the caller's id, or null for anonymous callers: they see published courses only
     * @param seesAll the caller is an admin and sees every status
     */
    public Page find(CourseQuery query, UUID viewer, boolean seesAll) {
        if (query.search() == null) {
            return find(query, viewer, seesAll, Match.NONE);
        }
        Page page = find(query, viewer, seesAll, Match.FULL_TEXT);
        if (page.total() > 0) {
            return page;
        }
        // the operator <% uses this threshold (and the trigram index); local to the current transaction
        jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', :t, true)")
                .param("t", Double.toString(TRIGRAM_THRESHOLD)).query(String.class).single();
        return find(query, viewer, seesAll, Match.TRIGRAM);
    }

    private Page find(CourseQuery query, UUID viewer, boolean seesAll, Match match) {
        Map<String, Object> params = new HashMap<>();
        String with = "";
        List<String> where = new ArrayList<>();
        String relevance = "0";
        switch (match) {
            case FULL_TEXT -> {
                params.put("search", query.search());
                where.add("c.search_vector @@ websearch_to_tsquery('english', :search)");
                if (query.sort() == Sort.RELEVANCE) {
                    relevance = "ts_rank('{0.1, 0.2, 0.4, 1.0}', c.search_vector, websearch_to_tsquery('english', :search))";
                }
            }
            case TRIGRAM -> {
                params.put("raw", query.search().toLowerCase(Locale.ROOT));
                with = "WITH candidates AS MATERIALIZED (SELECT id FROM course WHERE :raw <% search_text) ";
                where.add("c.id IN (SELECT id FROM candidates)");
                relevance = "word_similarity(:raw, c.search_text)";
            }
            case NONE -> {
                // no search: every course the filters let through
            }
        }
        if (seesAll) {
            // admins see every course
        } else if (viewer != null) {
            where.add("(c.status = 'PUBLISHED' OR c.instructor_id = :viewer)");
            params.put("viewer", viewer);
        } else {
            where.add("c.status = 'PUBLISHED'");
        }
        if (query.enrolled() != null && viewer != null) {
            where.add("EXISTS (SELECT 1 FROM enrollment_replica e WHERE e.course_id = c.id AND e.student_id = :learner "
                    + "AND e.enrolled AND NOT e.revoked AND NOT e.suspended) = :enrolled");
            params.put("learner", viewer);
            params.put("enrolled", query.enrolled());
        }
        if (query.status() != null) {
            where.add("c.status = :status");
            params.put("status", query.status().name());
        }
        if (query.category() != null) {
            where.add("c.category_id IN (WITH RECURSIVE tree AS ("
                    + "SELECT id FROM category WHERE slug = :category OR id::text = :category "
                    + "UNION ALL SELECT child.id FROM category child JOIN tree ON child.parent_id = tree.id) "
                    + "SELECT id FROM tree)");
            params.put("category", query.category());
        }
        if (query.instructor() != null) {
            where.add("c.instructor_id = :instructor");
            params.put("instructor", query.instructor());
        }
        if (query.minPrice() != null) {
            where.add("coalesce(c.price_amount, 0) >= :minPrice");
            params.put("minPrice", query.minPrice());
        }
        if (query.maxPrice() != null) {
            where.add("coalesce(c.price_amount, 0) <= :maxPrice");
            params.put("maxPrice", query.maxPrice());
        }
        if (query.free() != null) {
            where.add("c.free = :free");
            params.put("free", query.free());
        }
        if (query.level() != null) {
            where.add("c.level = :level");
            params.put("level", query.level().name());
        }
        if (query.language() != null) {
            where.add("lower(c.language) = lower(:language)");
            params.put("language", query.language());
        }
        if (query.minRating() != null) {
            where.add("c.rating_average >= :minRating");
            params.put("minRating", query.minRating());
        }
        String from = " FROM course c LEFT JOIN category cat ON cat.id = c.category_id"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        String sql = with + "SELECT c.id, c.title, c.subtitle, c.instructor_id, c.instructor_name, c.level, "
                + "c.language, c.free, c.price_amount, c.price_currency, c.rating_average, c.rating_count, "
                + "c.enrollment_count, c.thumbnail_url, c.status, c.published_at, cat.id AS category_id, "
                + "cat.slug AS category_slug, cat.name AS category_name, " + relevance + " AS relevance, "
                + "count(*) OVER () AS total" + from
                + " ORDER BY " + orderBy(query.sort(), query.ascending()) + ", c.enrollment_count DESC, c.id"
                + " LIMIT :limit OFFSET :offset";
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());

        long[] total = {0};
        List<CourseListItem> items = jdbc.sql(sql).params(params).query((rs, row) -> {
            total[0] = rs.getLong("total");
            return map(rs);
        }).list();
        if (items.isEmpty() && query.page() > 0) {
            // past the last page the window function has no row to report on
            params.remove("limit");
            params.remove("offset");
            total[0] = jdbc.sql(with + "SELECT count(*)" + from).params(params).query(Long.class).single();
        }
        return new Page(items, total[0]);
    }

    private static String orderBy(Sort sort, boolean ascending) {
        String direction = ascending ? " ASC" : " DESC";
        return switch (sort) {
            case RELEVANCE -> "relevance" + direction;
            case POPULARITY -> "c.enrollment_count" + direction;
            case RATING -> "c.rating_average" + direction + ", c.rating_count" + direction;
            case NEWEST -> "c.published_at" + direction + " NULLS LAST, c.created_at" + direction;
            case PRICE -> "coalesce(c.price_amount, 0)" + direction;
        };
    }

    private static CourseListItem map(ResultSet rs) throws SQLException {
        UUID categoryId = rs.getObject("category_id", UUID.class);
        long amount = rs.getLong("price_amount");
        CourseListItem.Price price = rs.wasNull() ? null : new CourseListItem.Price(amount, rs.getString("price_currency"));
        OffsetDateTime publishedAt = rs.getObject("published_at", OffsetDateTime.class);
        return new CourseListItem(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("subtitle"),
                new CourseListItem.Instructor(rs.getObject("instructor_id", UUID.class), rs.getString("instructor_name")),
                categoryId == null ? null : new CourseListItem.Category(categoryId, rs.getString("category_slug"),
                        rs.getString("category_name")),
                CourseLevel.valueOf(rs.getString("level")), rs.getString("language"), rs.getBoolean("free"), price,
                new CourseListItem.Rating(rs.getDouble("rating_average"), rs.getInt("rating_count")),
                rs.getInt("enrollment_count"), rs.getString("thumbnail_url"),
                CourseStatus.valueOf(rs.getString("status")), publishedAt == null ? null : publishedAt.toInstant());
    }
}
