package io.skillwise.promotion.support;

import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What promotion's API tests share: the service on a random port with its own database and Kafka topics, an HTTP
 * client, the topics to publish other services' events on, and an instructor who owns the courses under test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
public abstract class PromotionApiTest {

    @LocalServerPort
    protected int port;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafka;

    protected Api api;
    protected Topics topics;
    protected Promotions promotions;
    protected final TestUser instructor = TestUser.instructor();

    @BeforeEach
    void connect() {
        api = new Api(port);
        topics = new Topics(kafka);
        promotions = new Promotions(api, topics);
    }
}
