package io.skillwise.notification;

import io.skillwise.testsupport.ProductionProfileContract;
import io.skillwise.testsupport.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

/**
 * The production profile (docs/configuration.md): notification-service starts with secrets of its own and refuses,
 * naming the key, each secret it would otherwise take from a committed development value or not have at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.uri=mongodb://notification:production-test@mongo.internal:27017/notification",
        "skillwise.notification.preference.unsubscribe-secret=production-test-unsubscribe-links-signing-key",
        "skillwise.notification.mail.public-base-url=https://learn.example.org",
        "spring.data.redis.password=production-test-redis-password"})
@ActiveProfiles("production")
@WithInfrastructure(mongo = true, kafka = true)
class ProductionProfileIT extends ProductionProfileContract {

    ProductionProfileIT() {
        super(NotificationApplication.class, Map.of(
                        "spring.mongodb.uri", "mongodb://127.0.0.1:27018/notification",
                        "skillwise.notification.preference.unsubscribe-secret",
                        "skillwise-dev-only-unsubscribe-links-key",
                        "skillwise.notification.mail.public-base-url", "http://127.0.0.1:8080"),
                Map.of());
    }
}
