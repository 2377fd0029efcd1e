package io.skillwise.catalog.search;

import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CourseStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The course listing. A page costs about the same whether 30 or 1,000,000 courses match. First the planner's estimate
 * of the matches ({@code EXPLAIN}, no row read). Few expected (at most {@value #PROBE_WHEN_ESTIMATE_AT_MOST}): the
 * matches are read once, up to {@value #EXACT_TOTAL_LIMIT} + 1, through whichever index finds them cheapest, and the
 * page is sorted from them, which also counts them. Many (or more than that after all): the page's rows come from an
 * index in the order of the sort ({@link ListingOrder}, {@link ListingSql}), and the total is the estimate, or, when
 * that is at most {@value #COUNT_WHEN_ESTIMATE_AT_MOST}, a count that stops after {@value #EXACT_TOTAL_LIMIT} + 1
 * matches. So {@code totalItems} is exact when it is at most {@value #EXACT_TOTAL_LIMIT} (and always on the last
 * page), else an estimate ({@code exact} false).
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
 * Ties go to the more popular course, then the id. When more than {@value #RANKED_CANDIDATES} courses match, only
 * the {@value #RANKED_CANDIDATES} most popular of them are ranked, and the other matches follow them in popularity
 * order (ranking a common word's thousands of matches would read each of them). Rare keywords are found through a
 * GIN index (of the document, or, within categories, of the document with the category as a lexeme: see
 * {@link ListingSql}), common ones by walking a sort index and checking each course, whichever the planner expects to
 * read less; the correction uses a trigram index on the small word table:
 * the course table is never scanned for similarity.
 */
@Repository
public class CourseSearchRepository {

    static final double WORD_SIMILARITY = 0.4;

    static final String WEB_SEARCH = "websearch_to_tsquery('english', :search)";
    private static final String CORRECTED = "to_tsquery('english', :search)";

    /** Up to this many matches the total is counted exactly (more cost as much as a page many times over). */
    static final int EXACT_TOTAL_LIMIT = 1_000;
    /**
     * Up to this estimate the matches are read once and the page sorted from them (they are likely at most
     * {@value #EXACT_TOTAL_LIMIT}, so the count comes with them); above, the page is walked from an index.
     */
    static final long PROBE_WHEN_ESTIMATE_AT_MOST = 2 * EXACT_TOTAL_LIMIT;
    /**
     * Above this estimate the total is the estimate, without counting: counting stops after
     * {@value #EXACT_TOTAL_LIMIT} + 1 matches, but for a keyword each of them is a table row to read, and estimates
     * are rarely three times off.
     */
    static final long COUNT_WHEN_ESTIMATE_AT_MOST = 3 * EXACT_TOTAL_LIMIT;
    /** How many of the most popular matches a relevance-sorted search ranks (see {@link ListingSql}). */
    static final int RANKED_CANDIDATES = 200;

    static final String COLUMNS = "c.id, c.title, c.subtitle, c.instructor_id, c.instructor_name, c.level, "
            + "c.language, c.free, c.price_amount, c.price_currency, c.rating_average, c.rating_count, "
            + "c.enrollment_count, c.thumbnail_url, c.status, c.published_at, cat.id AS category_id, "
            + "cat.slug AS category_slug, cat.name AS category_name";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CourseSearchRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * One page: its courses, the number of matches (counted when {@code exact}, else the planner's estimate), and
     * the sort keys of its last course when a next page exists (for its cursor), else null.
     */
    public record Page(List<CourseListItem> items, long total, boolean exact, List<String> nextAfter) {

        static Page empty() {
            return new Page(List.of(), 0, true, null);
        }
    }

    /**
     * @param categories the ids the category filter includes (the category and its sub-categories), null without a
     *                   category filter; empty when the category does not exist (no course matches)
     * @param viewer     the caller's id, or null for anonymous callers: they see published courses only
     * @param seesAll    the caller is an admin and sees every status
     */
    public Page find(CourseQuery query, List<UUID> categories, UUID viewer, boolean seesAll) {
        if (categories != null && categories.isEmpty()) {
            return Page.empty();
        }
        if (query.search() == null) {
            return find(query, new ListingSql(query, categories, null, null, viewer, seesAll));
        }
        Page page = find(query, new ListingSql(query, categories, WEB_SEARCH, query.search(), viewer, seesAll));
        if (page.total() > 0) {
            return page;
        }
        String corrected = corrected(query.search());
        return corrected == null ? page
                : find(query, new ListingSql(query, categories, CORRECTED, corrected, viewer, seesAll));
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

    private Page find(CourseQuery query, ListingSql sql) {
        ListingOrder order = ListingOrder.of(query.sort(), query.ascending());
        long estimate = estimate(sql);
        boolean many = estimate > PROBE_WHEN_ESTIMATE_AT_MOST;
        if (!many) {
            Rows probed = rows(sql.probe(COLUMNS, order, query.size() + 1, query.offset(), EXACT_TOTAL_LIMIT + 1),
                    sql, order, true);
            long matched = probed.matched() >= 0 ? probed.matched()
                    : jdbc.sql(sql.count(EXACT_TOTAL_LIMIT + 1)).params(sql.params()).query(Long.class).single();
            if (matched <= EXACT_TOTAL_LIMIT) {
                return probed.page(query, matched, true);
            }
            // more than the planner expected: list them as a large listing
        }
        Rows rows = rows(sql.page(COLUMNS, order, query.size() + 1, query.offset()), sql, order, false);
        long seen = rows.seen(query);
        if (query.cursor() == null && !rows.hasNext(query) && (!rows.items().isEmpty() || query.page() == 0)) {
            return rows.page(query, seen, true);
        }
        if (!many) {
            return rows.page(query, Math.max(Math.max(estimate, EXACT_TOTAL_LIMIT + 1), seen), false);
        }
        if (estimate > COUNT_WHEN_ESTIMATE_AT_MOST) {
            return rows.page(query, Math.max(estimate, seen), false);
        }
        long counted = jdbc.sql(sql.count(EXACT_TOTAL_LIMIT + 1)).params(sql.params()).query(Long.class).single();
        return counted <= EXACT_TOTAL_LIMIT ? rows.page(query, counted, true)
                : rows.page(query, Math.max(Math.max(estimate, counted), seen), false);
    }

    /**
     * The rows a page statement answered (the page and one more when a next page exists), their sort keys, and the
     * number of matches when the statement counted them ({@code -1} when it did not, or answered no row).
     */
    private record Rows(List<CourseListItem> items, List<List<String>> keys, long matched) {

        boolean hasNext(CourseQuery query) {
            return items.size() > query.size();
        }

        /** What the page proves exists: the pages before it and its rows; an empty page beyond the last, nothing. */
        long seen(CourseQuery query) {
            return items.isEmpty() ? 0 : (long) query.number() * query.size() + items.size();
        }

        Page page(CourseQuery query, long total, boolean exact) {
            boolean next = hasNext(query);
            return new Page(next ? items.subList(0, query.size()) : items, Math.max(total, seen(query)), exact,
                    next ? keys.get(query.size() - 1) : null);
        }
    }

    /** @param counted the statement answers the number of matches in a column {@code matched} */
    private Rows rows(String statement, ListingSql sql, ListingOrder order, boolean counted) {
        List<List<String>> keys = new ArrayList<>();
        long[] matched = {-1};
        List<CourseListItem> items = jdbc.sql(statement).params(sql.params()).query((rs, row) -> {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < order.keys().size(); i++) {
                values.add(rs.getString("k" + i));
            }
            keys.add(values);
            if (counted && row == 0) {
                matched[0] = rs.getLong("matched");
            }
            return map(rs);
        }).list();
        return new Rows(items, keys, matched[0]);
    }

    /** The planner's estimate of the number of matches (from the statistics that ANALYZE keeps), no row read. */
    private long estimate(ListingSql sql) {
        String plan = jdbc.sql("EXPLAIN (FORMAT JSON) " + sql.all()).params(sql.params()).query(String.class).single();
        JsonNode rows = json.readTree(plan).path(0).path("Plan").path("Plan Rows");
        if (!rows.isNumber()) {
            throw new IllegalStateException("EXPLAIN gave no row estimate: " + plan);
        }
        return Math.round(rows.asDouble());
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
