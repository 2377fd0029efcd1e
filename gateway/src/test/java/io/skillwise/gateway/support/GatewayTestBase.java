package io.skillwise.gateway.support;

import io.skillwise.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the gateway's integration tests against the shared test infrastructure have in common: the gateway on a
 * random port pointed at embedded Redis, the stub services and the test issuer, a client and the issuer's tokens.
 * Each test class sets its own limits with {@code @SpringBootTest(properties = ...)}.
 */
@ExtendWith(GatewayInfrastructureExtension.class)
@DirtiesContext
public abstract class GatewayTestBase {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        GatewayTestInfrastructure.get().register(registry);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected ReactiveStringRedisTemplate redis;

    protected ApiClient client;
    protected TestIssuer issuer;

    @BeforeEach
    void connect() {
        client = ApiClient.root(port);
        issuer = GatewayTestInfrastructure.get().issuer();
    }

    /** Every test calls from 127.0.0.1; a test that counts requests starts with full buckets. */
    protected void emptyRateLimitBuckets() {
        redis.scan(ScanOptions.scanOptions().match("skillwise:rate-limit:*").build())
                .flatMap(redis::delete)
                .blockLast();
    }
}
