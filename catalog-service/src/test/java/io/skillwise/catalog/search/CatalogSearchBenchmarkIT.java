package io.skillwise.catalog.search;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.BenchmarkReport;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing budget of issue 5: with 100,000 published courses, keyword + two filters + sort answers with p99 under
 * 50 ms at the service. Also measures the same requests with a misspelt keyword (corrected against the word table
 * before the full-text query), and writes the figures into docs/benchmarks.md. Run on purpose only (it loads 100,000
 * rows): {@code ./mvnw -pl catalog-service verify -Dit.test=CatalogSearchBenchmarkIT -Dskillwise.benchmark=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
@EnabledIfSystemProperty(named = "skillwise.benchmark", matches = "true")
class CatalogSearchBenchmarkIT {

    static final int COURSES = 100_000;
    static final int WARM_UP = 500;
    static final int MEASURED = 1000;
    static final double BUDGET_MS = 50.0;
    static final String[] WORDS = ("python java kotlin javascript typescript rust golang scala haskell elixir react "
            + "angular vue svelte spring django flask rails laravel docker kubernetes terraform ansible aws azure gcp "
            + "linux bash git sql postgres mongodb redis kafka spark hadoop pandas numpy tensorflow pytorch statistics "
            + "probability algebra calculus geometry physics chemistry biology marketing branding seo copywriting "
            + "sales negotiation leadership management finance accounting investing trading excel powerpoint figma "
            + "photoshop illustrator blender unity unreal animation photography video editing music guitar piano "
            + "singing drawing painting writing fiction poetry journalism spanish french german japanese chinese "
            + "yoga fitness nutrition meditation productivity communication security networking cloud devops testing "
            + "design architecture microservices graphql rest api mobile android ios swift flutter data science "
            + "machine learning deep vision language robotics blockchain cryptography ethics law history philosophy")
            .split(" ");
    static final String[] CATEGORIES = {"development", "business", "design", "data-science", "marketing"};
    static final String[] SORTS = {"rating", "popularity", "newest", "price", "relevance"};

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CourseSearchService searchService;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    record Run(String name, int requests, long meanMatches, double p50, double p95, double p99, double max) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |", name, requests,
                    meanMatches, p50, p95, p99, max);
        }
    }

    @Test
    void keywordPlusTwoFiltersPlusSortStaysUnderBudget() {
        long loadStart = System.nanoTime();
        load();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long words = jdbc.sql("SELECT count(*) FROM search_word").query(Long.class).single();
        ApiClient api = ApiClient.api(port);

        double loadAverage = BenchmarkReport.loadAverage();
        // keyword and misspelt requests alternate, so both rows see the same machine (it is shared with other builds)
        Random random = new Random(42);
        Samples keywordSamples = new Samples();
        Samples misspeltSamples = new Samples();
        Samples inProcessSamples = new Samples();
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            boolean measured = i >= WARM_UP;
            keywordSamples.add(send(api, random, false), measured);
            misspeltSamples.add(send(api, random, true), measured);
            inProcessSamples.add(call(random), measured);
        }
        Run keyword = keywordSamples.run("keyword + category + maxPrice + sort");
        Run misspelt = misspeltSamples.run("misspelt keyword (corrected) + category + maxPrice + sort");
        Run inProcess = inProcessSamples.run("keyword requests as Java calls of CourseSearchService (no HTTP)");
        System.out.println(keyword.row());
        System.out.println(misspelt.row());
        System.out.println(inProcess.row());
        System.out.println("catalog search benchmark plans:\n" + String.join("\n", plans()));

        BenchmarkReport.record("catalog-search", "Catalog search with 100,000 courses (catalog-service, CatalogSearchBenchmarkIT)",
                String.format(Locale.ROOT, """
                        `GET /api/v1/courses?search=<word>&category=<top-level category>&maxPrice=<2000..9999>&sort=<rating|popularity|newest|price|relevance>`,
                        anonymous, sent one after the other over HTTP/1.1 from the test JVM to catalog-service on embedded PostgreSQL 17
                        (browsing cache off, so every request runs the query). %,d published courses generated from a vocabulary of
                        %d subject words (loaded in %.0f s, then `VACUUM (ANALYZE)` as autovacuum would, so that it does not start during the
                        measurement; %,d distinct words in the correction table); each word is in about 8%% of the courses, so a request
                        matches a few hundred courses after the filters. %d warm-up requests of each kind, then %d measured per row,
                        the two kinds alternating; the misspelt row swaps two letters of the keyword, so the full-text query finds nothing and the
                        word is corrected first.
                        Budget: keyword p99 under %.0f ms at the service.

                        | requests | n | mean matches | p50 ms | p95 ms | p99 ms | max ms |
                        |---|---|---|---|---|---|---|
                        %s
                        %s
                        %s

                        The third row is the same keyword mix called in the service's JVM without HTTP (transaction, SQL,
                        mapping): the rest of the first row is the web stack and the HTTP client in the same JVM.

                        Run with `./mvnw -pl catalog-service verify -Dit.test=CatalogSearchBenchmarkIT -Dskillwise.benchmark=true`.
                        """, COURSES, WORDS.length, loadSeconds, words, WARM_UP, MEASURED, BUDGET_MS, keyword.row(),
                        misspelt.row(), inProcess.row()), loadAverage);
        assertThat(keyword.p99()).as("keyword p99 in ms").isLessThan(BUDGET_MS);
        assertThat(misspelt.meanMatches()).as("misspelt keywords still find courses").isPositive();
    }

    /** Response times and match counts of the measured requests of one kind. */
    static final class Samples {
        private final List<Long> nanos = new ArrayList<>();
        private long matches;

        void add(long[] tookAndMatches, boolean measured) {
            if (measured) {
                nanos.add(tookAndMatches[0]);
                matches += tookAndMatches[1];
            }
        }

        Run run(String name) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Run(name, sorted.length, matches / sorted.length, sorted[sorted.length / 2] / 1e6,
                    sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        }
    }

    /** The keyword request as a call of the service, as the controller makes it for an anonymous caller. */
    private long[] call(Random random) {
        String word = WORDS[random.nextInt(WORDS.length)];
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        long maxPrice = 2000 + random.nextInt(8000);
        CourseQuery.SortOrder order = CourseQuery.parseSort(SORTS[random.nextInt(SORTS.length)], true);
        CourseQuery query = new CourseQuery(word, category, null, null, maxPrice, null, null, null, null,
                order.sort(), order.ascending(), 0, 20, null, null);
        long start = System.nanoTime();
        long total = searchService.find(query, Optional.empty()).totalItems();
        return new long[] {System.nanoTime() - start, total};
    }

    /** One request with a random keyword (misspelt: two letters swapped), category, price limit and sort. */
    private static long[] send(ApiClient api, Random random, boolean misspell) {
        String word = WORDS[random.nextInt(WORDS.length)];
        if (misspell) {
            while (word.length() < 5) {
                word = WORDS[random.nextInt(WORDS.length)];
            }
            int at = 1 + random.nextInt(word.length() - 3);
            word = word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
        }
        String path = "/courses?search=" + word
                + "&category=" + CATEGORIES[random.nextInt(CATEGORIES.length)]
                + "&maxPrice=" + (2000 + random.nextInt(8000))
                + "&sort=" + SORTS[random.nextInt(SORTS.length)];
        long start = System.nanoTime();
        ApiResponse response = api.get(path);
        long took = System.nanoTime() - start;
        assertThat(response.status()).as(path).isEqualTo(200);
        return new long[] {took, response.body().get("totalItems").asLong()};
    }

    private void load() {
        String words = "ARRAY[" + String.join(",", Arrays.stream(WORDS).map(w -> "'" + w + "'").toList()) + "]";
        String word = "(" + words + ")[1 + floor(random() * " + WORDS.length + ")::int]";
        jdbc.sql("INSERT INTO course (id, instructor_id, instructor_name, title, subtitle, description, category_id, "
                + "category_name, level, language, free, price_amount, price_currency, objectives, tags, status, "
                + "rating_average, rating_count, enrollment_count, revision, ever_published, created_at, updated_at, "
                + "published_at) "
                + "SELECT gen_random_uuid(), ('00000000-0000-0000-0000-' || lpad((n % 1000)::text, 12, '0'))::uuid, "
                + "'Instructor ' || (n % 1000), "
                + "initcap(" + word + " || ' ' || " + word + " || ' ' || " + word + "), "
                + word + " || ' and ' || " + word + " || ' for everyone', "
                + "'Learn ' || " + word + " || ' with ' || " + word + " || ', ' || " + word + " || ' and ' || " + word
                + " || '. Hands-on projects.', "
                + "cat.id, cat.name, (ARRAY['BEGINNER','INTERMEDIATE','ADVANCED','ALL_LEVELS'])[1 + n % 4], "
                + "(ARRAY['en','en','en','es','de','fr'])[1 + n % 6], n % 10 = 0, "
                + "CASE WHEN n % 10 = 0 THEN NULL ELSE 999 + (n * 37) % 19000 END, "
                + "CASE WHEN n % 10 = 0 THEN NULL ELSE 'USD' END, ARRAY['Objective'], ARRAY[" + word + "], 'PUBLISHED', "
                + "round((1 + random() * 4)::numeric, 2), (random() * 500)::int, (random() * 10000)::int, 1, true, "
                + "now() - (n || ' minutes')::interval, now(), now() - (n || ' minutes')::interval "
                + "FROM generate_series(1, " + COURSES + ") AS n "
                + "JOIN LATERAL (SELECT id, name FROM category WHERE parent_id IS NULL "
                + "ORDER BY position OFFSET n % 6 LIMIT 1) cat ON true").update();
        // a table at steady state: visibility map set, the GIN pending list merged, statistics fresh; otherwise
        // autovacuum wakes up on 100,000 new rows in the middle of the measurement
        jdbc.sql("VACUUM (ANALYZE) course").update();
        jdbc.sql("VACUUM (ANALYZE) search_word").update();
    }

    /** The plans of the two statements a request runs, for the record (printed to the test output). */
    private List<String> plans() {
        return new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status -> {
            String filters = "AND c.status = 'PUBLISHED' AND c.category_id = ANY (ARRAY(WITH RECURSIVE tree AS ("
                    + "SELECT id FROM category WHERE slug = 'design' UNION ALL SELECT child.id FROM category child "
                    + "JOIN tree ON child.parent_id = tree.id) SELECT id FROM tree)) "
                    + "AND coalesce(c.price_amount, 0) <= 5000 ";
            List<String> lines = new ArrayList<>(jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, ts_rank('{0.1, 0.2, 0.4, 1.0}', "
                            + "c.search_vector, websearch_to_tsquery('english', 'kafka')) AS relevance, count(*) OVER () "
                            + "FROM course c WHERE c.search_vector @@ websearch_to_tsquery('english', 'kafka') " + filters
                            + "ORDER BY relevance DESC, c.enrollment_count DESC, c.id LIMIT 20")
                    .query(String.class).list());
            lines.addAll(jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, count(*) OVER () FROM course c "
                            + "WHERE c.search_vector @@ to_tsquery('english', '(''kafka'' | ''kafak'':*)') " + filters
                            + "ORDER BY c.rating_average DESC, c.rating_count DESC, c.enrollment_count DESC, c.id LIMIT 20")
                    .query(String.class).list());
            return lines;
        });
    }
}
