package io.skillwise.catalog.course;

import io.skillwise.catalog.Courses;
import io.skillwise.events.Topics;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Course changes leave through the outbox as the catalog.course.v1 facts, with the whole course and its outline. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class CourseEventsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    ApiClient api;
    TestUser instructor = TestUser.instructor();

    @BeforeEach
    void setUp() {
        api = ApiClient.api(port);
    }

    record Recorded(String type, JsonNode payload) {
    }

    @Test
    void draftChangesStayInsideAndPublicationCarriesTheWholeCourse() {
        String courseId = api.as(instructor).post("/courses", Courses.draft("Eventful")).id();
        String module = api.as(instructor).post("/courses/" + courseId + "/modules", Map.of("title", "M1")).id();
        api.as(instructor).post("/modules/" + module + "/lessons", Map.of("title", "Quiz", "type", "QUIZ",
                "dueAt", "2030-01-01T00:00:00Z",
                "quiz", Map.of("questions", List.of(Map.of("prompt", "?", "options", List.of("a", "b"),
                        "correctOptions", List.of(0))))));
        assertThat(events(courseId)).isEmpty();

        api.as(instructor).post("/courses/" + courseId + "/publish", null);

        List<Recorded> events = events(courseId);
        assertThat(events).extracting(Recorded::type).containsExactly("io.skillwise.catalog.CoursePublished.v1");
        JsonNode published = events.get(0).payload();
        assertThat(published.get("instructorId").asString()).isEqualTo(instructor.id().toString());
        assertThat(published.get("price").get("amount").asLong()).isEqualTo(4999);
        assertThat(published.get("category").get("slug").asString()).isEqualTo("development");
        JsonNode lesson = published.get("modules").get(0).get("lessons").get(0);
        assertThat(lesson.get("type").asString()).isEqualTo("QUIZ");
        assertThat(lesson.get("dueAt").asString()).startsWith("2030-01-01T00:00");
        assertThat(lesson.get("quiz").get("questions").get(0).get("correctOptions").toString()).isEqualTo("[0]");
    }

    @Test
    void changesAfterPublicationSayWhatChangedAndReachKafka() {
        String courseId = Courses.published(api, instructor, Courses.draft("Keeps Changing"));
        String module = api.get("/courses/" + courseId + "/modules").items("id").get(0);

        api.as(instructor).patch("/courses/" + courseId, Map.of("price", Map.of("amount", 1500, "currency", "USD")));
        Map<String, Object> dripped = new java.util.HashMap<>(Courses.lesson("Extra", false));
        dripped.put("availableAfterDays", 7);
        api.as(instructor).post("/modules/" + module + "/lessons", dripped);
        api.as(instructor).post("/courses/" + courseId + "/unpublish", null);
        api.as(instructor).delete("/courses/" + courseId);

        List<Recorded> events = events(courseId);
        assertThat(events).extracting(Recorded::type).containsExactly(
                "io.skillwise.catalog.CoursePublished.v1", "io.skillwise.catalog.CourseUpdated.v1",
                "io.skillwise.catalog.CourseUpdated.v1", "io.skillwise.catalog.CourseUnpublished.v1",
                "io.skillwise.catalog.CourseDeleted.v1");
        assertThat(events.get(1).payload().get("changes").toString()).isEqualTo("[\"PRICE\"]");
        assertThat(events.get(1).payload().get("price").get("amount").asLong()).isEqualTo(1500);
        assertThat(events.get(2).payload().get("modules").get(0).get("lessons")).hasSize(2);
        long publishedRevision = events.get(0).payload().get("revision").asLong();
        assertThat(events.get(2).payload().get("modules").get(0).get("lessons").get(1).get("availableAfterDays").asInt())
                .isEqualTo(7);
        assertThat(events.get(2).payload().get("changes").toString()).isEqualTo("[\"CURRICULUM\",\"SCHEDULE\"]");
        assertThat(events.get(3).payload().get("revision").asLong()).isGreaterThan(publishedRevision);

        List<ConsumerRecord<String, String>> onKafka = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CATALOG_COURSE));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (courseId.equals(record.key())) {
                        onKafka.add(record);
                    }
                });
                assertThat(onKafka).hasSize(5);
            });
        }
        assertThat(new String(onKafka.get(4).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("io.skillwise.catalog.CourseDeleted.v1");
    }

    @Test
    void adminUnpublishCarriesTheReasonForTheInstructor() {
        String courseId = Courses.published(api, instructor, Courses.draft("Moderated"));

        api.as(TestUser.admin()).post("/courses/" + courseId + "/unpublish", Map.of("reason", "Misleading title"));

        Recorded unpublished = events(courseId).getLast();
        assertThat(unpublished.type()).isEqualTo("io.skillwise.catalog.CourseUnpublished.v1");
        assertThat(unpublished.payload().get("reason").asString()).isEqualTo("Misleading title");
        assertThat(unpublished.payload().get("title").asString()).isEqualTo("Moderated");
    }

    private List<Recorded> events(String courseId) {
        return jdbc.sql("SELECT event_type, payload::text AS payload FROM outbox_event WHERE event_key = ? ORDER BY seq")
                .param(courseId)
                .query((rs, row) -> new Recorded(rs.getString("event_type"), JSON.readTree(rs.getString("payload"))))
                .list();
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-events-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
