package io.skillwise.enrollment;

import io.skillwise.testsupport.ProductionProfileContract;
import io.skillwise.testsupport.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

/**
 * The production profile (docs/configuration.md): enrollment-service starts with secrets of its own and refuses, naming
 * the key, each secret it would otherwise take from a committed development value or not have at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.password=production-test-database-password",
        "spring.data.redis.password=production-test-redis-password"})
@ActiveProfiles("production")
@WithInfrastructure(postgres = true, kafka = true)
class ProductionProfileIT extends ProductionProfileContract {

    ProductionProfileIT() {
        super(EnrollmentApplication.class, Map.of(), Map.of());
    }
}
