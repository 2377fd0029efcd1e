package io.skillwise.promotion;

import io.skillwise.testsupport.ProductionProfileContract;
import io.skillwise.testsupport.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

/**
 * The production profile (docs/configuration.md): promotion-service starts with secrets of its own and refuses, naming
 * the key, each secret it would otherwise take from a committed development value or not have at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.promotion.referral.link-base=https://learn.example.org",
        "skillwise.promotion.affiliate.link-base=https://learn.example.org",
        "spring.datasource.password=production-test-database-password",
        "spring.data.redis.password=production-test-redis-password"})
@ActiveProfiles("production")
@WithInfrastructure(postgres = true, kafka = true)
class ProductionProfileIT extends ProductionProfileContract {

    ProductionProfileIT() {
        super(PromotionApplication.class, Map.of(
                        "skillwise.promotion.referral.link-base", "http://127.0.0.1:8080",
                        "skillwise.promotion.affiliate.link-base", "http://127.0.0.1:8080"),
                Map.of());
    }
}
