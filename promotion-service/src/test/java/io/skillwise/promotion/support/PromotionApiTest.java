package io.skillwise.promotion.support;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What promotion's API tests share: the service on a random port with its own database and Kafka topics, a client
 * for its public API ({@code api}, under {@code /api/v1}) and one for its internal routes ({@code service}), the
 * topics to publish other services' events on, and an instructor who owns the courses under test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
public abstract class PromotionApiTest {

    @LocalServerPort
    protected int port;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafka;

    protected ApiClient api;
    protected ApiClient service;
    protected TopicRecords topics;
    protected Promotions promotions;
    protected final TestUser instructor = TestUser.instructor();

    @BeforeEach
    void connect() {
        api = ApiClient.api(port);
        service = ApiClient.root(port);
        topics = TopicRecords.on(kafka);
        promotions = new Promotions(api, service, topics);
    }
}
