package io.skillwise.catalog;

import io.skillwise.testsupport.ProductionProfileContract;
import io.skillwise.testsupport.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

/**
 * The production profile (docs/configuration.md): catalog-service starts with secrets of its own and refuses, naming
 * the key, each secret it would otherwise take from a committed development value or not have at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.catalog.content.url-signing-secret=production-test-url-signing-secret",
        "spring.datasource.password=production-test-database-password",
        "spring.data.redis.password=production-test-redis-password"})
@ActiveProfiles("production")
@WithInfrastructure(postgres = true, kafka = true)
class ProductionProfileIT extends ProductionProfileContract {

    @Override
    protected Class<?> application() {
        return CatalogApplication.class;
    }

    @Override
    protected String[] components() {
        return new String[] {"db", "kafka"};
    }

    @Override
    protected Map<String, String> developmentValues() {
        return Map.of(
                "skillwise.catalog.content.url-signing-secret", "dev-only-catalog-url-signing-secret",
                "spring.datasource.password", "postgres");
    }

    @Override
    protected Map<String, String> missingSecrets() {
        return Map.of(
                "spring.datasource.password", "spring.datasource.password",
                "spring.data.redis.password", "spring.data.redis.password");
    }
}
