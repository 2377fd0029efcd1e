package io.skillwise.review.support;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What review-service's API tests share: the service on a random port with its own Mongo database and consumer
 * group on the shared Kafka, an HTTP client, the topics, and the steps that set up courses and learners the way
 * the other services' events would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(mongo = true, kafka = true, tokens = true)
public abstract class ReviewApiTest {

    @LocalServerPort
    protected int port;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafka;
    @Value("${spring.kafka.consumer.group-id}")
    protected String consumerGroup;

    protected ApiClient api;
    protected TopicRecords topics;
    protected Steps given;
    protected final TestUser instructor = TestUser.instructor();
    protected final TestUser admin = TestUser.admin();

    @BeforeEach
    void connect() {
        api = ApiClient.api(port);
        topics = TopicRecords.on(kafka);
        given = new Steps(api, topics, new Consumption(kafka, consumerGroup));
    }
}
