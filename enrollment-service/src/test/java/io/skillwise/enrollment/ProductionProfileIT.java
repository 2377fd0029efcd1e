package io.skillwise.enrollment;

import io.skillwise.testsupport.ProductionProfileContract;
import io.skillwise.testsupport.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

/**
 * The production profile (docs/configuration.md): enrollment-service starts with secrets of its own and refuses, naming
 * the key, each secret it would otherwise take from a committed development value or not have at all; and it refuses
 * to print the local gateway's address on certificates (a QR code that leads nowhere).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.password=production-test-database-password",
        "spring.data.redis.password=production-test-redis-password",
        "skillwise.enrollment.certificate.verification-base-url=https://skillwise.example/api/v1/certificates/"})
@ActiveProfiles("production")
@WithInfrastructure(postgres = true, kafka = true)
class ProductionProfileIT extends ProductionProfileContract {

    ProductionProfileIT() {
        super(EnrollmentApplication.class, Map.of("skillwise.enrollment.certificate.verification-base-url",
                "http://127.0.0.1:8080/api/v1/certificates/"), Map.of());
    }
}
