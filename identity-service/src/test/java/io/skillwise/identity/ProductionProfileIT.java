package io.skillwise.identity;

import io.skillwise.testsupport.ProductionProfileContract;
import io.skillwise.testsupport.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

/**
 * The production profile (docs/configuration.md): identity-service starts with secrets of its own and refuses, naming
 * the key, each secret it would otherwise take from a committed development value or not have at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.service-token.client-secret=production-test-keycloak-secret",
        "skillwise.identity.crypto.active-key=production-1",
        "skillwise.identity.crypto.keys.production-1=c2tpbGx3aXNlLXByb2R1Y3Rpb24tdGVzdC1rZXktMzI=",
        "skillwise.identity.account.app-base-url=https://learn.example.org",
        "spring.datasource.password=production-test-database-password",
        "spring.data.redis.password=production-test-redis-password"})
@ActiveProfiles("production")
@WithInfrastructure(postgres = true, kafka = true, smtp = true)
class ProductionProfileIT extends ProductionProfileContract {

    ProductionProfileIT() {
        super(IdentityApplication.class, Map.of(
                        "skillwise.service-token.client-secret", "identity-service-dev-secret",
                        "skillwise.identity.crypto.keys.production-1", "c2tpbGx3aXNlLWRldi1vbmx5LWtleS0zMi1ieXRlcyE=",
                        "skillwise.identity.account.app-base-url", "http://127.0.0.1:8080"),
                Map.of("skillwise.identity.crypto.keys.production-1", "skillwise.identity.crypto.keys"));
    }
}
