package io.skillwise.catalog.search;

import io.skillwise.catalog.category.CategoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

/**
 * {@code EXPLAIN ANALYZE} of the statements {@link CourseSearchRepository} sends for a listing request, built by the
 * same {@link ListingSql} and run as the repository runs them (in a read-only transaction, on the pool's connections,
 * which force custom plans).
 */
final class ListingPlans {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CategoryService categories;
    private final JsonMapper json = JsonMapper.builder().build();

    ListingPlans(JdbcClient jdbc, PlatformTransactionManager transactions, CategoryService categories) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setReadOnly(true);
        this.categories = categories;
    }

    /** The plan of the page statement, as EXPLAIN (ANALYZE, FORMAT JSON) gives it: the root plan node. */
    JsonNode page(CourseQuery query, UUID viewer) {
        return json(query, viewer, Statement.PAGE);
    }

    /** The plan of one statement of the request, as EXPLAIN (ANALYZE, FORMAT JSON) gives it: the root plan node. */
    JsonNode json(CourseQuery query, UUID viewer, Statement statement) {
        String plan = explain("ANALYZE, FORMAT JSON", query, viewer, statement);
        return json.readTree(plan).path(0).path("Plan");
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of one statement of the request, as text. */
    String text(CourseQuery query, UUID viewer, Statement statement) {
        return explain("ANALYZE, BUFFERS", query, viewer, statement);
    }

    /** The page of many matches (walked from an index), of few (read and sorted), and the capped count. */
    enum Statement { PAGE, PROBE, COUNT }

    private String explain(String options, CourseQuery query, UUID viewer, Statement statement) {
        return transactions.execute(status -> {
            List<UUID> ids = query.category() == null ? null : categories.withSubcategories(query.category());
            ListingSql sql = new ListingSql(query, ids, query.search() == null ? null : CourseSearchRepository.WEB_SEARCH,
                    query.search(), viewer, false);
            String statementSql = switch (statement) {
                case PAGE -> sql.page(CourseSearchRepository.COLUMNS, ListingOrder.of(query.sort(), query.ascending()),
                        query.size() + 1, query.offset());
                case PROBE -> sql.probe(CourseSearchRepository.COLUMNS, ListingOrder.of(query.sort(),
                        query.ascending()), query.size() + 1, query.offset(), CourseSearchRepository.EXACT_TOTAL_LIMIT + 1);
                case COUNT -> sql.count(CourseSearchRepository.EXACT_TOTAL_LIMIT + 1);
            };
            return String.join("\n", jdbc.sql("EXPLAIN (" + options + ") " + statementSql).params(sql.params())
                    .query(String.class).list());
        });
    }
}
