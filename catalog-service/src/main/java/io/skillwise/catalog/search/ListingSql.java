package io.skillwise.catalog.search;

import io.skillwise.catalog.search.CourseQuery.Sort;
import io.skillwise.catalog.search.ListingOrder.Key;
import io.skillwise.events.catalog.CourseStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The SQL of one listing request, written so that every query kind walks an index in its own order and stops after
 * the rows it needs (the plans are pinned by {@code ListingPlansIT}):
 * <ul>
 * <li>The courses a caller may see are split into branches that each match a partial index: published courses
 * (every B-tree index of V4 is {@code WHERE status = 'PUBLISHED'}), plus the caller's own unpublished courses
 * (through the instructor index), plus, for admins, all unpublished ones. A condition such as
 * {@code status = 'PUBLISHED' OR instructor_id = :viewer} would fit no index and sort every match.</li>
 * <li>A category filter with sub-categories is one index range per category (a lateral join over the category ids,
 * each ordered by {@code (category_id, sort keys)}); {@code category_id = ANY(...)} would be ordered by category
 * first.</li>
 * <li>Each branch selects only the sort keys and the id, {@code ORDER BY} exactly the index's columns, with a
 * {@code LIMIT} of the rows the page needs; the page's rows are read by id afterwards, so deep offsets skip index
 * entries rather than table rows.</li>
 * </ul>
 */
final class ListingSql {

    /**
     * The filters every branch shares, besides status, keyword, category and price (conditions over the course row
     * {@code c}).
     */
    private final List<String> filters = new ArrayList<>();
    private final List<String> branches = new ArrayList<>();
    /** The price range, as the statements run it (see the constructor). */
    private final List<String> priceFilters = new ArrayList<>();
    /** The price range as the planner estimates it best (with the statistics of the expression), never executed. */
    private final List<String> estimatedPrice = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private final CourseQuery query;
    private final List<UUID> categories;
    private final String tsquery;

    /**
     * @param categories the ids of the category filter (with sub-categories), or null without one; not empty
     * @param tsquery    the full-text query over {@code :search}, or null without a keyword
     * @param viewer     the caller's id, or null for anonymous callers (published courses only)
     * @param seesAll    the caller is an admin and sees every status
     */
    ListingSql(CourseQuery query, List<UUID> categories, String tsquery, String search, UUID viewer, boolean seesAll) {
        this.query = query;
        this.categories = categories;
        this.tsquery = tsquery;
        String published = "c.status = 'PUBLISHED'";
        if (seesAll && query.status() == CourseStatus.PUBLISHED) {
            branches.add(published);
        } else if (seesAll && query.status() != null) {
            branches.add("c.status = :status");
            params.put("status", query.status().name());
        } else if (seesAll) {
            branches.add(published);
            branches.add("c.status <> 'PUBLISHED'");
        } else if (viewer != null) {
            branches.add(published);
            branches.add("c.status <> 'PUBLISHED' AND c.instructor_id = :viewer");
            params.put("viewer", viewer);
        } else {
            branches.add(published);
        }
        if (tsquery != null) {
            params.put("search", search);
        }
        if (categories != null) {
            params.put("categories", categories.stream().map(UUID::toString)
                    .collect(Collectors.joining(",", "{", "}")));
        }
        if (query.enrolled() != null && viewer != null) {
            // a semi-join (or anti-join) the planner can start from the learner's own enrollments
            filters.add((query.enrolled() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM enrollment_replica e "
                    + "WHERE e.course_id = c.id AND e.student_id = :learner AND e.enrolled AND NOT e.revoked "
                    + "AND NOT e.suspended)");
            params.put("learner", viewer);
        }
        if (query.instructor() != null) {
            filters.add("c.instructor_id = :instructor");
            params.put("instructor", query.instructor());
        }
        // A price range is rarely what narrows a listing down: with a keyword, a category or another selective
        // filter the planner would still AND in a bitmap of the range (hundreds of thousands of entries at 1,000,000
        // courses, slower than all the rest). So the range is an index condition only when it drives the listing:
        // sorted by price, or with no other such filter; elsewhere "+ 0" keeps it a plain filter.
        boolean priceDrives = query.sort() == Sort.PRICE || (tsquery == null && categories == null
                && query.instructor() == null && query.language() == null && query.enrolled() == null);
        String price = priceDrives ? "coalesce(c.price_amount, 0)" : "coalesce(c.price_amount, 0) + 0";
        if (query.minPrice() != null) {
            priceFilters.add(price + " >= :minPrice");
            estimatedPrice.add("coalesce(c.price_amount, 0) >= :minPrice");
            params.put("minPrice", query.minPrice());
        }
        if (query.maxPrice() != null) {
            priceFilters.add(price + " <= :maxPrice");
            estimatedPrice.add("coalesce(c.price_amount, 0) <= :maxPrice");
            params.put("maxPrice", query.maxPrice());
        }
        if (query.free() != null) {
            filters.add("c.free = :free");
            params.put("free", query.free());
        }
        if (query.level() != null) {
            filters.add("c.level = :level");
            params.put("level", query.level().name());
        }
        if (query.language() != null) {
            filters.add("lower(c.language) = lower(:language)");
            params.put("language", query.language());
        }
        if (query.minRating() != null) {
            filters.add("c.rating_average >= :minRating");
            params.put("minRating", query.minRating());
        }
    }

    Map<String, Object> params() {
        return params;
    }

    /**
     * The page: the columns of the list items plus the sort keys as text ({@code k0..kn}, for the next cursor),
     * {@code limit} rows (the page size plus one, to know whether a next page exists) from the offset or after the
     * cursor.
     */
    String page(String columns, ListingOrder order, int limit, long offset) {
        params.put("limit", limit);
        params.put("offset", offset);
        params.put("n", limit + offset);
        String with = "";
        String keys;
        if (order.sort() == Sort.RELEVANCE) {
            with = "candidates AS MATERIALIZED (" + candidates() + "), ";
            keys = rankedKeys(order, limit + offset);
        } else {
            keys = keys(order);
        }
        return "WITH " + with + pageOf(keys, order, columns) + from(order);
    }

    /** {@code page AS (...) SELECT <columns>, k0::text, ...}: the page's keys in order, then its courses' columns. */
    private String pageOf(String keys, ListingOrder order, String columns) {
        String after = "";
        if (query.cursor() != null) {
            after = " WHERE " + ListingOrder.after(aliases(order), order.keys(), order.ascending(), "after");
            bindCursor("after", query.cursor().values());
        }
        String keyText = IntStream.range(0, order.keys().size()).mapToObj(i -> "page.k" + i + "::text AS k" + i)
                .collect(Collectors.joining(", "));
        return "page AS (SELECT * FROM (" + keys + ") keys" + after + " ORDER BY " + order.orderByAliases("")
                + " LIMIT :limit OFFSET :offset) SELECT " + columns + ", " + keyText;
    }

    private static String from(ListingOrder order) {
        return " FROM page JOIN course c ON c.id = page.id LEFT JOIN category cat ON cat.id = c.category_id"
                + " ORDER BY " + order.orderByAliases("page.");
    }

    /**
     * The page of a listing with few matches: up to {@code cap} matches are read once (through whichever index finds
     * them cheapest: a rare keyword's GIN entries, a small category's range) and kept, the page is sorted from them
     * in memory, and {@code matched} says how many there were: when fewer than {@code cap}, the exact total, at no
     * extra cost. Same columns as {@link #page}, in the same order (relevance tiers included).
     */
    String probe(String columns, ListingOrder order, int limit, long offset, int cap) {
        params.put("limit", limit);
        params.put("offset", offset);
        params.put("cap", cap);
        boolean relevance = order.sort() == Sort.RELEVANCE;
        String select = relevance
                ? "c.id, c.enrollment_count AS popularity, ts_rank('{0.1, 0.2, 0.4, 1.0}', c.search_vector, " + tsquery
                + ") AS relevance"
                : "c.id, " + order.selectKeys();
        String matches = "SELECT * FROM (" + IntStream.range(0, branches.size())
                .mapToObj(i -> "SELECT " + select + " FROM course c WHERE " + matches(i))
                .collect(Collectors.joining(" UNION ALL ")) + ") found LIMIT :cap";
        String keys = "SELECT * FROM matches";
        if (relevance) {
            // the same tiers as the listing of many matches: the most popular candidates ranked, the rest after them
            params.put("candidates", CourseSearchRepository.RANKED_CANDIDATES);
            keys = "SELECT id, CASE WHEN row_number() OVER popular <= :candidates THEN 0 ELSE -1 END AS k0, "
                    + "CASE WHEN row_number() OVER popular <= :candidates THEN relevance ELSE 0::real END AS k1, "
                    + "popularity AS k2, id AS k3 FROM matches WINDOW popular AS (ORDER BY popularity DESC, id DESC)";
        }
        return "WITH matches AS MATERIALIZED (" + matches + "), " + pageOf(keys, order, columns)
                + ", (SELECT count(*) FROM matches) AS matched" + from(order);
    }

    /** Up to {@code cap} matches counted: {@code SELECT <count>}. */
    String count(int cap) {
        params.put("cap", cap);
        return "SELECT " + IntStream.range(0, branches.size())
                .mapToObj(i -> "(SELECT count(*) FROM (SELECT 1 FROM course c WHERE " + matches(i) + " LIMIT :cap) b"
                        + i + ")")
                .collect(Collectors.joining(" + "));
    }

    /** Every match, for the planner's estimate of how many there are (only ever EXPLAINed). */
    String all() {
        return IntStream.range(0, branches.size())
                .mapToObj(i -> "SELECT 1 FROM course c WHERE " + String.join(" AND ", Stream.concat(
                        unpriced(i).stream(), estimatedPrice.stream()).toList()))
                .collect(Collectors.joining(" UNION ALL "));
    }

    /** The conditions of branch {@code i}, with the category as {@code = ANY} (for counting, in no order). */
    private String matches(int branch) {
        return String.join(" AND ", Stream.concat(unpriced(branch).stream(), priceFilters.stream()).toList());
    }

    /**
     * The conditions of branch {@code i} but the price range. A keyword within categories is one full-text query over
     * the document with the category as a lexeme ({@code course_search_in_category_idx}, V5): two exact lexemes whose
     * posting lists GIN intersects, where a category column beside the document made GIN read all of the category's
     * entries first.
     */
    private List<String> unpriced(int branch) {
        List<String> conditions = new ArrayList<>();
        conditions.add(branches.get(branch));
        if (tsquery != null && categories != null) {
            conditions.add("(c.search_vector || catalog_category_lexeme(c.category_id)) @@ (" + tsquery
                    + " && catalog_categories_query(CAST(:categories AS uuid[])))");
        } else if (tsquery != null) {
            conditions.add(keyword());
        } else if (categories != null) {
            conditions.add("c.category_id = ANY (CAST(:categories AS uuid[]))");
        }
        conditions.addAll(filters);
        return conditions;
    }

    /** The keyword condition over the document alone, or none. */
    private List<String> keywordFilter() {
        return tsquery == null ? List.of() : List.of(keyword());
    }

    private String keyword() {
        return "c.search_vector @@ " + tsquery;
    }

    /** The ids and keys {@code k0..kn} of the first {@code :n} rows of every branch in the order. */
    private String keys(ListingOrder order) {
        List<String> keyset = query.cursor() == null ? List.of() : List.of(ListingOrder.after(
                order.keys().stream().map(Key::expression).toList(), order.keys(), order.ascending(), "after"));
        return union("c.id, " + order.selectKeys(), order, keyset, ":n");
    }

    /** The relevance candidates: the most popular matches with their rank, as {@code (id, k0, k1, relevance)}. */
    private String candidates() {
        params.put("candidates", CourseSearchRepository.RANKED_CANDIDATES);
        ListingOrder popular = ListingOrder.candidates();
        String rank = "ts_rank('{0.1, 0.2, 0.4, 1.0}', c.search_vector, " + tsquery + ")";
        return "SELECT * FROM (" + union("c.id, " + popular.selectKeys() + ", " + rank + " AS relevance", popular,
                List.of(), ":candidates") + ") found ORDER BY " + popular.orderByAliases("") + " LIMIT :candidates";
    }

    /**
     * Relevance: the {@value CourseSearchRepository#RANKED_CANDIDATES} most popular matches are ranked by
     * {@code ts_rank} (tier 0); the matches after them follow in popularity order (tier -1). Ranking every match of
     * a common word would read each of them; this reads the candidates, and pages beyond them walk the popularity
     * index from the last candidate on.
     */
    private String rankedKeys(ListingOrder order, long n) {
        String ranked = "SELECT id, 0 AS k0, relevance AS k1, k0 AS k2, k1 AS k3 FROM candidates";
        ListingCursor cursor = query.cursor();
        if (cursor == null && n <= CourseSearchRepository.RANKED_CANDIDATES) {
            return ranked;
        }
        // the matches after the candidates, walked in the direction of the page
        ListingOrder walk = ListingOrder.of(Sort.POPULARITY, order.ascending());
        List<String> rest = new ArrayList<>();
        rest.add("(c.enrollment_count, c.id) < (SELECT k0, k1 FROM candidates ORDER BY k0, k1 LIMIT 1)");
        if (cursor != null && Integer.parseInt(cursor.after().getFirst()) < 0) {
            // the cursor is among the rest: start the walk there (the page's keyset condition keeps it exact)
            rest.add(ListingOrder.after(walk.keys().stream().map(Key::expression).toList(), walk.keys(),
                    walk.ascending(), "restAfter"));
            bindCursor("restAfter", cursor.values().subList(2, 4));
        }
        return ranked + " UNION ALL SELECT id, -1, 0::real, k0, k1 FROM ("
                + union("c.id, " + walk.selectKeys(), walk, rest, ":n")
                + ") rest WHERE (SELECT count(*) FROM candidates) = :candidates";
    }

    /**
     * The first {@code limit} rows of each branch in the order, as {@code (branch) UNION ALL (branch)}; a filter on
     * several categories reads each category's index range on its own.
     */
    private String union(String select, ListingOrder order, List<String> extra, String limit) {
        List<String> parts = new ArrayList<>();
        for (String branch : branches) {
            List<String> conditions = new ArrayList<>();
            conditions.add(branch);
            // walking a sort index (of a category, too), the keyword is checked on each row
            conditions.addAll(keywordFilter());
            conditions.addAll(filters);
            conditions.addAll(priceFilters);
            conditions.addAll(extra);
            String tail = " ORDER BY " + order.orderByExpressions() + " LIMIT " + limit;
            if (categories == null) {
                parts.add("(SELECT " + select + " FROM course c WHERE " + String.join(" AND ", conditions) + tail + ")");
            } else if (categories.size() == 1) {
                conditions.add("c.category_id = CAST(:category AS uuid)");
                params.put("category", categories.getFirst().toString());
                parts.add("(SELECT " + select + " FROM course c WHERE " + String.join(" AND ", conditions) + tail + ")");
            } else {
                conditions.add("c.category_id = each.id");
                parts.add("(SELECT lateral_rows.* FROM unnest(CAST(:categories AS uuid[])) AS each(id) "
                        + "CROSS JOIN LATERAL (SELECT " + select + " FROM course c WHERE "
                        + String.join(" AND ", conditions) + tail + ") lateral_rows)");
            }
        }
        return String.join(" UNION ALL ", parts);
    }

    private static List<String> aliases(ListingOrder order) {
        return IntStream.range(0, order.keys().size()).mapToObj(i -> "k" + i).toList();
    }

    private void bindCursor(String prefix, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            params.put(prefix + i, values.get(i));
        }
    }
}
