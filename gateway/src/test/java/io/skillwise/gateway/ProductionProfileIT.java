package io.skillwise.gateway;

import io.skillwise.production.ProductionGuard;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ProductionProfile;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile (docs/configuration.md): the gateway starts with a Redis password of its own and refuses,
 * naming the key, to start without one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.data.redis.password=production-test-redis-password"})
@ActiveProfiles(ProductionGuard.PROFILE)
class ProductionProfileIT {

    @LocalServerPort
    int port;

    @Test
    void startsWithSecretsOfItsOwn() {
        ApiClient.root(port).get("/actuator/health/liveness").assertStatus(200);
    }

    @Test
    void refusesToStartWithoutARedisPassword() {
        assertThat(ProductionProfile.refusal(GatewayApplication.class, ProductionProfile.with(
                ProductionProfile.propertiesOf(ProductionProfileIT.class), "spring.data.redis.password", null)))
                .containsExactly(
                        "spring.data.redis.password is not set (environment variable SPRING_DATA_REDIS_PASSWORD)");
    }
}
