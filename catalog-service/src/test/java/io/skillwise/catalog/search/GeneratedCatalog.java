package io.skillwise.catalog.search;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A large catalog written by one set-based INSERT (generate_series), for the listing benchmark and the plan tests:
 * published courses whose titles, subtitles, tags and descriptions draw words from {@link #WORDS} (each word ends
 * up in about 8% of the courses), spread evenly over the six top-level categories, 1,000 instructors, four levels,
 * four languages, one course in ten free, prices 9.99 to 199.98, random ratings and enrollment counts, one published
 * a minute back from now. The course table's secondary indexes are dropped for the insert and built again from their
 * own definitions afterwards, as a bulk load is done: one sort per index instead of a random insertion per row and
 * index (a million rows load in minutes, not a quarter of an hour). Then {@code VACUUM (ANALYZE)}, as autovacuum would
 * after such a load: visibility map set (index-only scans), statistics fresh.
 */
final class GeneratedCatalog {

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

    /** The top-level categories courses are spread over (the sixth, personal-development, too). */
    static final String[] CATEGORIES = {"development", "business", "design", "data-science", "marketing"};

    private GeneratedCatalog() {
    }

    /** The instructor of generated course number {@code n} (1-based): instructors 0..999 take turns. */
    static UUID instructor(int n) {
        return UUID.fromString("00000000-0000-0000-0000-" + String.format("%012d", n % 1000));
    }

    /** Inserts {@code courses} published courses and vacuums; returns the seconds the insert took. */
    static double load(JdbcClient jdbc, int courses) {
        String words = "ARRAY[" + String.join(",", Arrays.stream(WORDS).map(w -> "'" + w + "'").toList()) + "]";
        String word = "(" + words + ")[1 + floor(random() * " + WORDS.length + ")::int]";
        long start = System.nanoTime();
        // the indexes that back no constraint (the primary key stays): name and the statement that creates it
        Map<String, String> indexes = new LinkedHashMap<>();
        RowCallbackHandler index = rs -> indexes.put(rs.getString("indexname"), rs.getString("indexdef"));
        jdbc.sql("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                        + "AND tablename = 'course' AND indexname NOT IN "
                        + "(SELECT conname FROM pg_constraint WHERE conrelid = 'course'::regclass)")
                .query(index);
        indexes.keySet().forEach(name -> jdbc.sql("DROP INDEX \"" + name + "\"").update());
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
                + "FROM generate_series(1, " + courses + ") AS n "
                + "JOIN LATERAL (SELECT id, name FROM category WHERE parent_id IS NULL "
                + "ORDER BY position OFFSET n % 6 LIMIT 1) cat ON true").update();
        indexes.values().forEach(definition -> jdbc.sql(definition).update());
        double seconds = (System.nanoTime() - start) / 1e9;
        vacuum(jdbc);
        return seconds;
    }

    /** Turns {@code count} of the instructor's published courses into drafts (never published). */
    static void draftsOf(JdbcClient jdbc, UUID instructor, int count) {
        jdbc.sql("UPDATE course SET status = 'DRAFT', published_at = NULL WHERE id IN (SELECT id FROM course "
                + "WHERE instructor_id = :instructor AND status = 'PUBLISHED' LIMIT :count)")
                .param("instructor", instructor).param("count", count).update();
    }

    /** Enrols the learner in {@code count} random courses (as enrollment events would have told the catalog). */
    static void enrol(JdbcClient jdbc, UUID learner, int count) {
        jdbc.sql("INSERT INTO enrollment_replica (enrollment_id, course_id, student_id, enrolled) "
                + "SELECT gen_random_uuid(), id, :learner, true FROM course TABLESAMPLE SYSTEM (5) LIMIT :count")
                .param("learner", learner).param("count", count).update();
    }

    /** The sort keys, as text (as a cursor carries them), of the published course at this position of the order. */
    static List<String> keysAt(JdbcClient jdbc, ListingOrder order, int position) {
        String keys = String.join(", ", IntStream.range(0, order.keys().size()).mapToObj(i -> "k" + i + "::text")
                .toList());
        return jdbc.sql("SELECT " + keys + " FROM (SELECT " + order.selectKeys() + " FROM course c "
                        + "WHERE c.status = 'PUBLISHED' ORDER BY " + order.orderByExpressions()
                        + " OFFSET :position LIMIT 1) k")
                .param("position", position)
                .query((rs, row) -> {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= order.keys().size(); i++) {
                        values.add(rs.getString(i));
                    }
                    return values;
                }).single();
    }

    /** What autovacuum does after a bulk change (and must not start doing in the middle of a measurement). */
    static void vacuum(JdbcClient jdbc) {
        jdbc.sql("VACUUM (ANALYZE) course").update();
        jdbc.sql("VACUUM (ANALYZE) search_word").update();
        jdbc.sql("VACUUM (ANALYZE) enrollment_replica").update();
    }
}
