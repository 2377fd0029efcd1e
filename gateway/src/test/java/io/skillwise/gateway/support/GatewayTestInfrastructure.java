package io.skillwise.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import redis.embedded.RedisServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real components a gateway test talks to, started once per test run on free loopback ports: an embedded
 * Redis, a JWKS issuer, and one echoing stub per service. {@link GatewayInfrastructureExtension} stops them
 * after the last test.
 */
public final class GatewayTestInfrastructure implements AutoCloseable {

    public static final String[] SERVICES = {"identity", "catalog", "enrollment", "payment", "review", "promotion",
            "notification", "analytics"};

    private static GatewayTestInfrastructure instance;

    private final RedisServer redis;
    private final int redisPort;
    private final TestIssuer issuer;
    private final Map<String, StubService> services = new LinkedHashMap<>();

    private GatewayTestInfrastructure() {
        this.redisPort = FreePorts.next();
        try {
            this.redis = RedisServer.newRedisServer()
                    .port(redisPort)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.issuer = new TestIssuer();
        for (String service : SERVICES) {
            services.put(service, new StubService(service));
        }
    }

    public static synchronized GatewayTestInfrastructure get() {
        if (instance == null) {
            instance = new GatewayTestInfrastructure();
        }
        return instance;
    }

    public TestIssuer issuer() {
        return issuer;
    }

    public StubService service(String name) {
        return services.get(name);
    }

    public int redisPort() {
        return redisPort;
    }

    /** Points a gateway at these components. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", this::redisPort);
        registry.add("skillwise.gateway.security.issuer", issuer::issuer);
        registry.add("skillwise.gateway.security.jwk-set-uri", issuer::jwkSetUri);
        services.forEach((name, stub) -> registry.add("skillwise.gateway.services." + name, stub::baseUrl));
    }

    @Override
    public synchronized void close() throws IOException {
        services.values().forEach(StubService::close);
        issuer.close();
        redis.stop();
        instance = null;
    }
}
