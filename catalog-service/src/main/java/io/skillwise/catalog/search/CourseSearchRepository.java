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
import java.util.Map;
import java.util.Objects;
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
 * <li>Only when nothing matches (a typo such as "javascrpt", a partial word such as "kube"), each typed word is
 * corrected against {@code search_word}, the distinct words of all search documents (kept by a trigger, see
 * {@code V3__search_words.sql}): the best candidate is the word with the highest
 * {@code greatest(word_similarity(typed, word), 1 - edits / length(typed))}, where a candidate needs a trigram word
 * similarity of at least 0.4 or at most 1 edit (typed words of 4-5 letters) or 2 edits (6 letters or more, so
 * "pyhton" finds "python"); ties go to the word more courses use. The listing then runs as a full-text query again
 * with, for every typed word that has a candidate, {@code candidate | typed:*} (the prefix also finds every word a
 * partial word starts), all typed words required; typed words without any candidate are left out, and when no word
 * has one nothing matches; words shorter than 3 letters are only kept as they are, never corrected (an "s" split off
 * "xylography's" must not require some word starting with s). Relevance is {@code ts_rank} with that corrected
 * query, weighted as above.</li>
 * </ol>
 * Ties go to the more popular course, then the id. The keyword and the category are served by one GIN index
 * ({@code search_vector, category_id}, btree_gin), the correction by a trigram index on the small word table: the
 * course table is never scanned for similarity.
 */
@Repository
public class CourseSearchRepository {

    static final double WORD_SIMILARITY = 0.4;

    private static final String WEB_SEARCH = "websearch_to_tsquery('english', :search)";
    private static final String CORRECTED = "to_tsquery('english', :search)";

    private final JdbcClient jdbc;

    public CourseSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Page(List<CourseListItem> items, long total) {
    }

    /**
     * @param viewer  the caller's id, or null for anonymous callers: they see published courses only
     * @param seesAll the caller is an admin and sees every status
     */
    public Page find(CourseQuery query, UUID viewer, boolean seesAll) {
        if (query.search() == null) {
            return find(query, viewer, seesAll, null, null);
        }
        Page page = find(query, viewer, seesAll, WEB_SEARCH, query.search());
        if (page.total() > 0) {
            return page;
        }
        String corrected = corrected(query.search());
        return corrected == null ? page : find(query, viewer, seesAll, CORRECTED, corrected);
    }

    /**
     * The search as a {@code to_tsquery} text with every typed word replaced by {@code (candidate | typed:*)}, or null
     * when no typed word has a candidate.
     */
    String corrected(String search) {
        // the operator <% uses this threshold (and the trigram index); local to the current transaction
        jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', :t, true)")
                .param("t", Double.toString(WORD_SIMILARITY)).query(String.class).single();
        List<Map.Entry<String, String>> corrections = jdbc.sql("""
                        SELECT typed.word AS typed, best.word AS candidate
                        FROM unnest(tsvector_to_array(to_tsvector('simple', :search))) AS typed(word)
                        LEFT JOIN LATERAL (
                            SELECT w.word FROM search_word w,
                                LATERAL (SELECT word_similarity(typed.word, w.word) AS similarity,
                                                levenshtein_less_equal(typed.word, w.word, 2) AS edits) m
                            WHERE w.word = typed.word
                               OR (length(typed.word) >= 3
                                   AND (typed.word <% w.word
                                        OR w.word LIKE replace(replace(replace(left(typed.word, 2), '\\', '\\\\'),
                                                       '%', '\\%'), '_', '\\_') || '%')
                                   AND (m.similarity >= :similarity
                                        OR m.edits <= CASE WHEN length(typed.word) >= 6 THEN 2
                                                           WHEN length(typed.word) >= 4 THEN 1 ELSE 0 END))
                            ORDER BY greatest(m.similarity, 1 - m.edits::real / length(typed.word)) DESC,
                                     w.courses DESC, w.word
                            LIMIT 1) best ON true
                        ORDER BY typed.word""")
                .param("search", search).param("similarity", WORD_SIMILARITY)
                .query((rs, row) -> Map.entry(rs.getString("typed"), Objects.toString(rs.getString("candidate"), "")))
                .list();
        List<String> terms = new ArrayList<>();
        for (Map.Entry<String, String> correction : corrections) {
            String typed = correction.getKey();
            String candidate = correction.getValue();
            if (candidate.isEmpty()) {
                continue;
            }
            terms.add(typed.equals(candidate) || typed.length() < 3
                    ? lexeme(candidate)
                    : "(" + lexeme(candidate) + " | " + lexeme(typed) + ":*)");
        }
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }

    /** A word quoted for {@code to_tsquery}, which still normalises it (stems, drops stop words). */
    private static String lexeme(String word) {
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * @param tsquery the full-text query expression over {@code :search}, or null for a listing without search
     */
    private Page find(CourseQuery query, UUID viewer, boolean seesAll, String tsquery, String search) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        String relevance = "0";
        if (tsquery != null) {
            params.put("search", search);
            where.add("c.search_vector @@ " + tsquery);
            if (query.sort() == Sort.RELEVANCE) {
                relevance = "ts_rank('{0.1, 0.2, 0.4, 1.0}', c.search_vector, " + tsquery + ")";
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
            // an array rather than IN (subquery), so that it becomes a condition of the (keyword, category) index
            where.add("c.category_id = ANY (ARRAY(WITH RECURSIVE tree AS ("
                    + "SELECT id FROM category WHERE slug = :category OR id::text = :category "
                    + "UNION ALL SELECT child.id FROM category child JOIN tree ON child.parent_id = tree.id) "
                    + "SELECT id FROM tree))");
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
        String sql = "SELECT c.id, c.title, c.subtitle, c.instructor_id, c.instructor_name, c.level, "
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
            total[0] = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
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
