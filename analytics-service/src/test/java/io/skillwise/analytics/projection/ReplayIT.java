package io.skillwise.analytics.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.analytics.support.AnalyticsApiTest;
import io.skillwise.analytics.support.KnownFigures;
import io.skillwise.analytics.support.KnownHistory;
import io.skillwise.events.DomainEvent;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.Topics;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TopicRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The known history delivered as badly as Kafka may deliver it, with every record twice, still gives the known figures;
 * and a rebuild from the beginning of every topic, while the live version answers, gives the same answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {"skillwise.analytics.projection.topic-suffix=.replay",
        "skillwise.analytics.projection.retired-grace=1s", "skillwise.analytics.projection.max-poll-records=7"})
class ReplayIT extends AnalyticsApiTest {

    /** The topics in the reverse of the order facts depend on each other: effects before their causes. */
    private static final List<String> CAUSES_LAST = List.of(Topics.PROMOTION_PROMOTION, Topics.REVIEW_REVIEW,
            Topics.ENROLLMENT_ENROLLMENT, Topics.PAYMENT_SUBSCRIPTION, Topics.PAYMENT_ORDER, Topics.CATALOG_COURSE,
            Topics.IDENTITY_USER);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final KnownHistory history = new KnownHistory(Instant.now());
    private final KnownFigures figures = new KnownFigures(history);

    @BeforeAll
    void publishTheHistoryBackwardsAndTwice() {
        connect();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        Map<DomainEvent, ProducerRecord<String, String>> once = new LinkedHashMap<>();
        history.events().forEach(event -> once.put(event, TopicRecords.cloudEvent(event)));
        // commissions before their sales, enrollments before their purchases, purchases before their courses...;
        // Kafka keeps the order of one key, so each key's events stay in order
        once.entrySet().stream()
                .sorted(Comparator.comparing(entry -> CAUSES_LAST.indexOf(EventCatalog.of(entry.getKey().getClass()).topic())))
                .forEach(entry -> records.add(entry.getValue()));
        // ...and every record again, as a consumer sees after a rebalance or a producer's retry: same ce_id, later
        records.addAll(once.values());
        send(records);
        awaitCaughtUp();
    }

    @Test
    @Order(1)
    void duplicatesAndEffectsBeforeCausesGiveTheKnownFigures() {
        ApiClient asA = api.as(history.instructorA);
        figures.assertDashboardOfA(asA.get("/instructors/dashboard").assertStatus(200).body());
        figures.assertCoursesOfA(asA.get("/instructors/courses").assertStatus(200).body());
        figures.assertDashboardOfB(api.as(history.instructorB).get("/instructors/dashboard").assertStatus(200).body());
        figures.assertDailySalesOfA(asA.get(dailyReport()).assertStatus(200).body());
        figures.assertTransactionsOfA(asA.get(transactions()).assertStatus(200).body());
        figures.assertAdminFigures(api.as(admin).get("/admin/analytics?" + figures.adminRange()).assertStatus(200).body());
    }

    @Test
    @Order(2)
    void rolledUpTotalsEqualCountingTheRowsTheyRollUp() {
        String schema = ProjectionVersion.schemaOf(activeVersion().path("version").asInt());
        assertSameRows(schema, "select * from revenue_total", """
                select instructor_id, course_id, currency, sum(orders), sum(refunds), sum(gross), sum(discount),
                       sum(refunded), sum(fee), sum(commission), sum(net)
                from revenue_day group by 1, 2, 3""");
        assertSameRows(schema, "select * from course_learning where (enrollments, completed, revoked) <> (0, 0, 0)",
                """
                select course_id, count(*) filter (where access is distinct from 'REVOKED'),
                       count(*) filter (where access is distinct from 'REVOKED' and completed_at is not null),
                       count(*) filter (where access = 'REVOKED')
                from enrollment group by course_id""");
        assertSameRows(schema, "select * from instructor_students where students <> 0", """
                select o.instructor_id, count(distinct e.student_id)
                from enrollment e join course_owner o using (course_id)
                where e.access is distinct from 'REVOKED' group by 1""");
        assertSameRows(schema, "select * from instructor_activity_day", """
                select o.instructor_id, d.day, count(distinct d.student_id), sum(d.lessons), sum(d.quiz_attempts)
                from learner_day d join course_owner o using (course_id) group by 1, 2""");
        assertSameRows(schema, "select * from instructor_activity_week", """
                select o.instructor_id, date_trunc('week', d.day)::date, count(distinct d.student_id), sum(d.lessons),
                       sum(d.quiz_attempts)
                from learner_day d join course_owner o using (course_id) group by 1, 2""");
        assertThat(jdbc.sql("select count(*) from " + schema + ".instructor_activity_week").query(Long.class).single())
                .as("weeks with activity").isPositive();
    }

    @Test
    @Order(3)
    void rebuildFromTheBeginningAnswersWhatTheLiveVersionAnswered() {
        Map<String, JsonNode> live = answers();
        int liveVersion = activeVersion().path("version").asInt();

        JsonNode rebuild = api.as(admin).post("/admin/analytics/projections/rebuild", null).assertStatus(202).body();
        assertThat(rebuild.path("version").asInt()).isGreaterThan(liveVersion);
        assertThat(rebuild.path("status").asString()).isEqualTo("BUILDING");
        // the live version goes on answering while the new one fills
        assertThat(answers()).isEqualTo(live);

        ApiResponse again = api.as(admin).post("/admin/analytics/projections/rebuild", null);
        int rebuilt;
        if (again.status() == 202) {
            // this small history can be rebuilt before the second call: only then may another rebuild start
            assertThat(statusOf(rebuild.path("version").asInt())).as("the first rebuild").isNotEqualTo("BUILDING");
            rebuilt = again.body().path("version").asInt();
        } else {
            again.assertProblem(409);
            rebuilt = rebuild.path("version").asInt();
        }
        int switchedIn = rebuilt;
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(activeVersion().path("version").asInt()).as("the rebuild switched in").isEqualTo(switchedIn);
            assertThat(statusOf(liveVersion)).as("the old version dropped after its grace").isEqualTo("DROPPED");
        });
        assertThat(answers()).isEqualTo(live);
    }

    @Test
    @Order(4)
    void aRebuildCanBeCancelled() {
        int active = activeVersion().path("version").asInt();
        JsonNode rebuild = api.as(admin).post("/admin/analytics/projections/rebuild", null).assertStatus(202).body();

        ApiResponse cancelled = api.as(admin).delete("/admin/analytics/projections/rebuild");

        // the rebuild may have switched in already on a fast machine: then there is nothing left to cancel
        if (cancelled.status() == 200) {
            assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
            assertThat(activeVersion().path("version").asInt()).isEqualTo(active);
        } else {
            cancelled.assertProblem(404);
            assertThat(activeVersion().path("version").asInt()).isEqualTo(rebuild.path("version").asInt());
        }
        figures.assertDashboardOfA(api.as(history.instructorA).get("/instructors/dashboard").assertStatus(200).body());
    }

    /** The roll-up's rows and the rows counted from what it rolls up are the same, in any order. */
    private void assertSameRows(String schema, String rolledUp, String counted) {
        String inSchema = "select set_config('search_path', '" + schema + "', true)";
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        List<List<Object>> kept = transaction.execute(status -> {
            jdbc.sql(inSchema).query().singleValue();
            return jdbc.sql(rolledUp).query((rs, row) -> rowOf(rs)).list();
        });
        List<List<Object>> recounted = transaction.execute(status -> {
            jdbc.sql(inSchema).query().singleValue();
            return jdbc.sql(counted).query((rs, row) -> rowOf(rs)).list();
        });
        assertThat(kept).as(rolledUp).isNotEmpty().containsExactlyInAnyOrderElementsOf(recounted);
    }

    private static List<Object> rowOf(ResultSet rs) throws SQLException {
        List<Object> row = new ArrayList<>();
        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
            Object value = rs.getObject(column);
            row.add(value instanceof Number number ? (Object) number.longValue() : value);
        }
        return row;
    }

    private Map<String, JsonNode> answers() {
        ApiClient asA = api.as(history.instructorA);
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        ObjectNode dashboard = (ObjectNode) asA.get("/instructors/dashboard").assertStatus(200).body();
        // a running campaign's window ends now, whenever now is
        dashboard.path("campaigns").values().forEach(campaign -> ((ObjectNode) campaign).remove("to"));
        answers.put("dashboard", dashboard);
        answers.put("courses", asA.get("/instructors/courses").assertStatus(200).body());
        answers.put("sales", asA.get(dailyReport()).assertStatus(200).body());
        answers.put("transactions", asA.get(transactions()).assertStatus(200).body());
        answers.put("admin", api.as(admin).get("/admin/analytics?" + figures.adminRange()).assertStatus(200).body());
        return answers;
    }

    private String statusOf(int version) {
        return api.as(admin).get("/admin/analytics/projections").assertStatus(200).items().stream()
                .filter(v -> v.path("version").asInt() == version).findFirst().orElseThrow()
                .path("status").asString();
    }

    private String dailyReport() {
        return "/instructors/reports/sales?from=" + history.day(20) + "&to=" + history.day(10);
    }

    private String transactions() {
        return "/instructors/reports/transactions?size=100&from=" + history.day(60) + "&to=" + history.today();
    }
}
