package io.skillwise.gateway;

import io.skillwise.gateway.support.GatewayClient;
import io.skillwise.production.ProductionConfigurationException;
import io.skillwise.production.ProductionGuard;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile (docs/configuration.md): the gateway starts with a Redis password of its own and refuses,
 * naming the key, to start without one. (The services prove the same with test-support's ProductionProfile, which
 * the gateway's test class path does without.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.data.redis.password=production-test-redis-password"})
@ActiveProfiles(ProductionGuard.PROFILE)
class ProductionProfileIT {

    @LocalServerPort
    int port;

    @Test
    void startsWithSecretsOfItsOwn() {
        assertThat(new GatewayClient(port).get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void refusesToStartWithoutARedisPassword() {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles(ProductionGuard.PROFILE).web(WebApplicationType.NONE);
        assertThatThrownBy(() -> gateway.run().close()).isInstanceOfSatisfying(ProductionConfigurationException.class,
                refused -> assertThat(refused.problems()).containsExactly(
                        "spring.data.redis.password is not set (environment variable SPRING_DATA_REDIS_PASSWORD)"));
    }
}
