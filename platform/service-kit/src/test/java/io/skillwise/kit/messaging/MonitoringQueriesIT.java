package io.skillwise.kit.messaging;

import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.support.ProfileEvents;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.MonitoringQueries;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every PromQL expression of the services' alert rules and dashboard (deploy/observability) reads metrics that a
 * service built on the kit really exposes: the kit's test service on real PostgreSQL, Mongo and Kafka, after it has
 * answered a request, sent a record to a dead-letter topic and collected garbage once (the dead-letter counter and the
 * GC pause timer exist only from their first event; a service that has run a while has both).
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "skillwise.outbox.topic-suffix=.monitoring")
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@DirtiesContext
class MonitoringQueriesIT {

    private static final String TOPIC = Topics.IDENTITY_USER + ".monitoring";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Test
    void everyMetricTheServiceRulesAndDashboardReadIsExposedByAService() {
        ProducerRecord<String, String> record = ProfileEvents.record(TOPIC, 0, UUID.randomUUID(),
                ProfileEvents.updated(UUID.randomUUID(), "Unreadable", 1));
        TopicRecords.on(kafka).send(List.of(TopicRecords.withBody(record, "{\"userId\": ")));
        ApiClient service = ApiClient.root(port);
        service.get("/actuator/health/readiness").assertStatus(200);

        Set<String> exposed = eventually(Duration.ofSeconds(60),
                () -> {
                    System.gc();
                    return MonitoringQueries.exposedNames(service.as(TestUser.service("notification-service"))
                            .get("/actuator/prometheus").assertStatus(200).text());
                },
                names -> assertThat(names).contains("skillwise_consumer_dead_letters_total",
                        "kafka_consumer_fetch_manager_records_lag_max", "jvm_gc_pause_seconds_sum"));
        MonitoringQueries.assertEveryMetricIsExposed(MonitoringQueries.SERVICE_FILES, exposed, "service");
    }
}
