package io.skillwise.catalog.search;

import io.skillwise.catalog.category.CategoryService;
import io.skillwise.catalog.search.CourseQuery.Sort;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins that every sort the listing accepts reads its page from an index in its own order, on 20,000 generated
 * courses (enough that the planner would rather scan and sort than walk an index that does not fit): the plans
 * (EXPLAIN ANALYZE of the statements the repository sends) have no sequential scan of the course table and sort at
 * most a few pages' worth of rows. It runs the real planner on real statistics rather than forbidding sequential
 * scans ({@code enable_seqscan = off} would also hide an index that matches the filter but not the order, whose
 * plan then sorts every match). The API checks on the same data: estimated totals, relevance tiers, cursors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingPlansIT {

    static final int COURSES = 20_000;
    /** Listings without filters sort at most this many rows: a few pages for each branch and category. */
    static final int PAGES_SORT = 500;
    /**
     * Filtered listings sort at most this many rows, a twentieth of the table: where a filter keeps few courses, the
     * planner rightly reads them through the filter's index and sorts them rather than walk the sort's index past
     * every other course.
     */
    static final int FILTERED_SORT = COURSES / 20;
    static final Sort[] SORTS = {Sort.POPULARITY, Sort.RATING, Sort.NEWEST, Sort.PRICE};

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CategoryService categories;

    ListingPlans plans;
    ApiClient api;
    TestUser instructor = new TestUser(GeneratedCatalog.instructor(7), "instructor7@example.com", true,
            Set.of("instructor"));
    TestUser learner = TestUser.student();

    @BeforeAll
    void generateCatalog() {
        api = ApiClient.api(port);
        plans = new ListingPlans(jdbc, transactions, categories);
        GeneratedCatalog.load(jdbc, COURSES);
        // design gets a sub-category, so that filtering by design reads two category ranges
        ApiResponse sub = api.as(TestUser.admin()).post("/categories", Map.of("name", "UI Design",
                "parentId", "0b7a3c1e-2f4d-4c55-9a11-000000000003"));
        assertThat(sub.status()).as(sub.toString()).isEqualTo(201);
        jdbc.sql("UPDATE course SET category_id = :sub WHERE category_id = '0b7a3c1e-2f4d-4c55-9a11-000000000003' "
                + "AND random() < 0.3").param("sub", UUID.fromString(sub.id())).update();
        // the instructor has drafts; the learner is enrolled in 40 courses
        GeneratedCatalog.draftsOf(jdbc, instructor.id(), 5);
        GeneratedCatalog.enrol(jdbc, learner.id(), 40);
        GeneratedCatalog.vacuum(jdbc);
    }

    @Test
    void everySortReadsTheWholeCatalogFromItsIndexInBothDirections() {
        for (Sort sort : SORTS) {
            for (boolean ascending : new boolean[] {false, true}) {
                for (UUID viewer : new UUID[] {null, learner.id()}) {
                    JsonNode plan = plans.page(query(sort, ascending, ""), viewer);
                    String what = sort + (ascending ? ",asc" : ",desc") + (viewer == null ? "" : " signed in");
                    assertReadsFromIndexes(plan, what);
                    assertThat(indexesOnCourse(plan)).as(what).contains("course_published_" + index(sort) + "_idx");
                }
            }
        }
    }

    @Test
    void everySortWithinACategoryWithSubcategoriesReadsEachCategorysIndexRange() {
        for (Sort sort : SORTS) {
            for (boolean ascending : new boolean[] {false, true}) {
                JsonNode plan = plans.page(query(sort, ascending, "category=design"), null);
                String what = "design by " + sort + (ascending ? ",asc" : ",desc");
                assertReadsFromIndexes(plan, what);
                // per category: its own range of the category index, or (a large category) the walk of the sort index
                assertThat(indexesOnCourse(plan)).as(what).anyMatch(name -> name.equals("course_published_category_"
                        + index(sort) + "_idx") || name.equals("course_published_" + index(sort) + "_idx"));
            }
        }
    }

    @Test
    void deepPagesStartInTheIndex() {
        for (Sort sort : SORTS) {
            // the keys of the course three quarters down the order, as a cursor carries them
            List<String> keys = GeneratedCatalog.keysAt(jdbc, ListingOrder.of(sort, false), 15_000);
            ListingCursor deep = new ListingCursor(sort, false, 750, keys, query(sort, false, "")
                    .filterFingerprint());
            CourseQuery continued = query(sort, false, "").continuedAt(deep);
            JsonNode plan = plans.page(continued, null);
            assertReadsFromIndexes(plan, sort + " after a cursor");
            assertThat(maxRowsReadFromCourse(plan)).as(sort + " after a cursor").isLessThanOrEqualTo(2 * 21);
            // by number, a tenth down the order (as deep as pages by number go in a catalog of 100,000): the index
            // entries before the page are skipped, then the page's rows read
            JsonNode byNumber = plans.page(query(sort, false, "page=99"), null);
            assertThat(nodes(byNumber, "Seq Scan")).as(sort + " page 99").isEmpty();
            assertThat(indexesOnCourse(byNumber)).as(sort + " page 99").contains("course_published_" + index(sort)
                    + "_idx");
        }
    }

    @Test
    void filtersListFromIndexesWithoutSortingTheTable() {
        UUID nobody = UUID.randomUUID();
        Map<String, CourseQuery> kinds = Map.of(
                "price range", query(Sort.POPULARITY, false, "minPrice=5000&maxPrice=6000"),
                "price range by price", query(Sort.PRICE, true, "minPrice=5000&maxPrice=6000"),
                "level and language", query(Sort.NEWEST, false, "level=ADVANCED&language=de"),
                "rare language", query(Sort.RATING, false, "language=ja"),
                "free", query(Sort.RATING, false, "free=true"),
                "minimum rating", query(Sort.POPULARITY, false, "minRating=4.9"),
                "instructor's own list", query(Sort.NEWEST, false, "instructor=" + instructor.id()),
                "someone else's instructor list", query(Sort.POPULARITY, false, "instructor=" + nobody));
        kinds.forEach((what, query) -> assertReadsFromIndexes(plans.page(query, null), what, FILTERED_SORT));
        assertReadsFromIndexes(plans.page(query(Sort.NEWEST, false, "instructor=" + instructor.id()),
                instructor.id()), "the instructor's own list with drafts", FILTERED_SORT);
        for (Boolean enrolled : new Boolean[] {true, false}) {
            for (Sort sort : SORTS) {
                assertReadsFromIndexes(plans.page(query(sort, false, "enrolled=" + enrolled), learner.id()),
                        "enrolled=" + enrolled + " by " + sort, FILTERED_SORT);
            }
        }
    }

    @Test
    void fewMatchesAreReadThroughTheirOwnIndex() {
        Map<String, CourseQuery> kinds = Map.of(
                "keyword + category + maxPrice",
                query(Sort.RATING, false, "search=kafka&category=design&maxPrice=3000"),
                "keyword + category by relevance", query(Sort.RELEVANCE, false, "search=kafka&category=business"),
                "rare language", query(Sort.POPULARITY, false, "language=ja"),
                "instructor's list", query(Sort.NEWEST, false, "instructor=" + instructor.id()));
        kinds.forEach((what, query) -> {
            JsonNode plan = plans.json(query, null, ListingPlans.Statement.PROBE);
            assertThat(nodes(plan, "Seq Scan")).as(what + ":\n" + plan.toPrettyString())
                    .noneMatch(node -> node.path("Relation Name").asString().equals("course"));
        });
        JsonNode enrolled = plans.json(query(Sort.POPULARITY, false, "enrolled=true"), learner.id(),
                ListingPlans.Statement.PROBE);
        assertThat(nodes(enrolled, "Seq Scan")).as("enrolled=true:\n" + enrolled.toPrettyString())
                .noneMatch(node -> node.path("Relation Name").asString().equals("course"));
    }

    @Test
    void aKeywordWithinACategoryIsOneFullTextQueryOfItsWordAndCategory() {
        // design has a sub-category: its courses are one lexeme more in the same query
        for (String filters : List.of("search=kafka&category=design&maxPrice=3000", "search=kafka&category=business")) {
            for (Sort sort : new Sort[] {Sort.RATING, Sort.RELEVANCE}) {
                JsonNode plan = plans.json(query(sort, false, filters), null, ListingPlans.Statement.PROBE);
                assertThat(nodes(plan, "Bitmap Index Scan")).as(filters + " by " + sort + ":\n"
                        + plan.toPrettyString()).extracting(node -> node.path("Index Name").asString())
                        .containsExactly("course_search_in_category_idx");
            }
        }
    }

    @Test
    void aPriceRangeAloneIsCheckedOnTheIndexEntries() {
        for (Sort sort : new Sort[] {Sort.POPULARITY, Sort.RATING, Sort.NEWEST}) {
            JsonNode plan = plans.page(query(sort, false, "minPrice=5000&maxPrice=6000"), null);
            String what = "price range by " + sort + ":\n" + plan.toPrettyString();
            assertThat(nodes(plan, null)).as(what)
                    .filteredOn(node -> node.path("Index Name").asString().equals("course_published_" + index(sort)
                            + "_idx"))
                    .singleElement().satisfies(node -> {
                        assertThat(node.path("Node Type").asString()).isEqualTo("Index Only Scan");
                        assertThat(node.path("Filter").asString()).contains("price_amount");
                    });
        }
    }

    @Test
    void theListingsConnectionsForceCustomPlans() {
        // set once per connection of the pool (application.yml), so that no request pays a statement for it
        for (int i = 0; i < 3; i++) {
            assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
        }
    }

    @Test
    void anInstructorsOwnListIsReadFromTheIndexAlone() {
        for (Sort sort : SORTS) {
            JsonNode plan = plans.json(query(sort, false, "instructor=" + instructor.id()), instructor.id(),
                    ListingPlans.Statement.PROBE);
            assertThat(nodes(plan, null)).as(sort + ":\n" + plan.toPrettyString())
                    .filteredOn(node -> node.path("Index Name").asString().equals("course_published_instructor_keys_idx"))
                    .singleElement().satisfies(node -> assertThat(node.path("Node Type").asString())
                            .isEqualTo("Index Only Scan"));
        }
    }

    @Test
    void aCommonKeywordNeverScansTheTable() {
        for (Sort sort : new Sort[] {Sort.RELEVANCE, Sort.POPULARITY, Sort.RATING, Sort.NEWEST, Sort.PRICE}) {
            JsonNode plan = plans.page(query(sort, sort == Sort.PRICE, "search=kafka"), null);
            assertThat(nodes(plan, "Seq Scan")).as("kafka by " + sort).isEmpty();
            JsonNode inCategory = plans.page(query(sort, sort == Sort.PRICE, "search=kafka&category=design"), null);
            assertThat(nodes(inCategory, "Seq Scan")).as("kafka in design by " + sort).isEmpty();
        }
    }

    @Test
    void relevanceRanksTheMostPopularMatchesThenFollowsPopularity() {
        int candidates = CourseSearchRepository.RANKED_CANDIDATES;
        long matches = jdbc.sql("SELECT count(*) FROM course WHERE status = 'PUBLISHED' AND search_vector @@ "
                + "websearch_to_tsquery('english', 'kafka')").query(Long.class).single();
        assertThat(matches).isGreaterThan(candidates + 100);
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            ids.addAll(api.get("/courses?search=kafka&size=100&page=" + page).items("id"));
        }
        assertThat(ids).hasSize(400).doesNotHaveDuplicates();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(jdbc.sql("SELECT ts_rank('{0.1, 0.2, 0.4, 1.0}', search_vector, websearch_to_tsquery('english', "
                    + "'kafka')) AS rank, enrollment_count FROM course WHERE id = ?").param(UUID.fromString(id))
                    .query().singleRow());
        }
        List<Map<String, Object>> ranked = rows.subList(0, candidates);
        List<Map<String, Object>> rest = rows.subList(candidates, rows.size());
        for (int i = 1; i < ranked.size(); i++) {
            assertThat((Float) ranked.get(i).get("rank")).as("rank at " + i)
                    .isLessThanOrEqualTo((Float) ranked.get(i - 1).get("rank"));
        }
        int leastPopularCandidate = ranked.stream().mapToInt(row -> (Integer) row.get("enrollment_count")).min()
                .orElseThrow();
        int mostPopularCandidate = ranked.stream().mapToInt(row -> (Integer) row.get("enrollment_count")).max()
                .orElseThrow();
        int mostPopularOverall = jdbc.sql("SELECT max(enrollment_count) FROM course WHERE status = 'PUBLISHED' AND "
                + "search_vector @@ websearch_to_tsquery('english', 'kafka')").query(Integer.class).single();
        assertThat(mostPopularCandidate).isEqualTo(mostPopularOverall);
        for (int i = 0; i < rest.size(); i++) {
            int enrollments = (Integer) rest.get(i).get("enrollment_count");
            assertThat(enrollments).as("after the candidates").isLessThanOrEqualTo(leastPopularCandidate);
            if (i > 0) {
                assertThat(enrollments).isLessThanOrEqualTo((Integer) rest.get(i - 1).get("enrollment_count"));
            }
        }
    }

    @Test
    void cursorsWalkEveryMatchOfARelevanceSearchOnce() {
        String filters = "search=kafka&category=business";
        long matches = jdbc.sql("SELECT count(*) FROM course c JOIN category cat ON cat.id = c.category_id "
                + "WHERE c.status = 'PUBLISHED' AND cat.slug = 'business' AND c.search_vector @@ "
                + "websearch_to_tsquery('english', 'kafka')").query(Long.class).single();
        assertThat(matches).isGreaterThan(CourseSearchRepository.RANKED_CANDIDATES);
        List<String> walked = new ArrayList<>();
        ApiResponse page = api.get("/courses?size=30&" + filters);
        List<String> byNumber = new ArrayList<>();
        for (int number = 0; number * 30 < matches; number++) {
            byNumber.addAll(api.get("/courses?size=30&page=" + number + "&" + filters).items("id"));
        }
        while (true) {
            walked.addAll(page.items("id"));
            String cursor = page.text("nextCursor");
            if (cursor == null) {
                break;
            }
            page = api.get("/courses?size=30&cursor=" + cursor + "&" + filters);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
        }
        assertThat(walked).hasSize((int) matches).doesNotHaveDuplicates().isEqualTo(byNumber);
        assertThat(new HashSet<>(walked)).hasSize((int) matches);
    }

    @Test
    void largeListingsEstimateTheirTotalAndSmallOnesCountIt() {
        ApiResponse all = api.get("/courses");
        assertThat(all.body().get("totalItemsExact").asBoolean()).isFalse();
        assertThat(all.body().get("totalItems").asLong()).isBetween(COURSES * 85L / 100, COURSES * 115L / 100);
        assertThat(all.body().get("totalPages").asLong()).isEqualTo((all.body().get("totalItems").asLong() + 19) / 20);

        long counted = jdbc.sql("SELECT count(*) FROM course c JOIN category cat ON cat.id = c.category_id "
                + "WHERE c.status = 'PUBLISHED' AND cat.slug = 'marketing' AND coalesce(c.price_amount, 0) <= 3000 "
                + "AND c.search_vector @@ websearch_to_tsquery('english', 'kafka')").query(Long.class).single();
        assertThat(counted).isBetween(2L, (long) CourseSearchRepository.EXACT_TOTAL_LIMIT);
        ApiResponse few = api.get("/courses?search=kafka&category=marketing&maxPrice=3000&size=1");
        assertThat(few.body().get("totalItemsExact").asBoolean()).isTrue();
        assertThat(few.body().get("totalItems").asLong()).isEqualTo(counted);
    }

    /** Plans without a sequential scan of the course table and without a sort of more than a few pages of rows. */
    private static void assertReadsFromIndexes(JsonNode plan, String what) {
        assertReadsFromIndexes(plan, what, PAGES_SORT);
    }

    private static void assertReadsFromIndexes(JsonNode plan, String what, int sortedAtMost) {
        assertThat(nodes(plan, "Seq Scan")).as(what + ": sequential scans in\n" + plan.toPrettyString())
                .noneMatch(node -> node.path("Relation Name").asString().equals("course"));
        for (JsonNode sort : nodes(plan, "Sort")) {
            JsonNode input = sort.path("Plans").path(0);
            double rows = input.path("Actual Rows").asDouble() * input.path("Actual Loops").asDouble();
            assertThat(rows).as(what + ": rows sorted in\n" + plan.toPrettyString()).isLessThanOrEqualTo(sortedAtMost);
        }
    }

    private static double maxRowsReadFromCourse(JsonNode plan) {
        return nodes(plan, null).stream().filter(node -> node.path("Relation Name").asString().equals("course"))
                .filter(node -> !node.path("Index Name").asString().equals("course_pkey"))
                .mapToDouble(node -> node.path("Actual Rows").asDouble() * node.path("Actual Loops").asDouble())
                .max().orElse(0);
    }

    private static List<String> indexesOnCourse(JsonNode plan) {
        return nodes(plan, null).stream().filter(node -> node.path("Relation Name").asString().equals("course"))
                .map(node -> node.path("Index Name").asString()).filter(name -> !name.isEmpty()).toList();
    }

    /** Every node of the plan of the given type (all nodes for null). */
    private static List<JsonNode> nodes(JsonNode plan, String type) {
        List<JsonNode> found = new ArrayList<>();
        if (type == null || plan.path("Node Type").asString().equals(type)) {
            found.add(plan);
        }
        plan.path("Plans").forEach(child -> found.addAll(nodes(child, type)));
        return found;
    }

    private static String index(Sort sort) {
        return sort.name().toLowerCase();
    }

    /** A listing query with the filters of a query string ({@code category=design&minPrice=5000}), page size 20. */
    private static CourseQuery query(Sort sort, boolean ascending, String filters) {
        MultiValueMap<String, String> given = UriComponentsBuilder.fromUriString("/courses?" + filters).build()
                .getQueryParams();
        Function<String, String> value = given::getFirst;
        return new CourseQuery(value.apply("search"), value.apply("category"),
                given.containsKey("instructor") ? UUID.fromString(value.apply("instructor")) : null,
                given.containsKey("minPrice") ? Long.valueOf(value.apply("minPrice")) : null,
                given.containsKey("maxPrice") ? Long.valueOf(value.apply("maxPrice")) : null,
                given.containsKey("free") ? Boolean.valueOf(value.apply("free")) : null,
                given.containsKey("level") ? CourseLevel.valueOf(value.apply("level")) : null, value.apply("language"),
                given.containsKey("minRating") ? Double.valueOf(value.apply("minRating")) : null, sort, ascending,
                given.containsKey("page") ? Integer.parseInt(value.apply("page")) : 0, 20, null,
                given.containsKey("enrolled") ? Boolean.valueOf(value.apply("enrolled")) : null);
    }
}
