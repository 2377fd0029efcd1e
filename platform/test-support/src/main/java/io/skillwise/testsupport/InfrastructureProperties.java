package io.skillwise.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Spring properties that point a service at the test servers, one database per test class. */
final class InfrastructureProperties {

    private InfrastructureProperties() {
    }

    static Map<String, Object> of(Class<?> testClass, WithInfrastructure wanted) {
        TestInfrastructure infra = TestInfrastructure.shared();
        String name = Infrastructures.nameFor(testClass);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (wanted.postgres()) {
            properties.put("spring.datasource.url", infra.postgresDatabase(name));
            properties.put("spring.datasource.username", infra.postgresUser());
            // The embedded server trusts local connections and has no password: a test's own (a production-profile
            // test must give one) is then left alone.
            if (!infra.postgresPassword().isEmpty()) {
                properties.put("spring.datasource.password", infra.postgresPassword());
            }
        }
        if (wanted.kafka()) {
            properties.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
            // consumer groups are per test class, so classes sharing the broker never steal each other's records
            properties.put("skillwise.test.name", name);
            properties.put("spring.kafka.consumer.group-id", name);
        }
        if (wanted.mongo()) {
            properties.put("spring.mongodb.uri", infra.mongoUri(name));
        }
        // token validation reads the logout denylist in Redis, so a service that takes test tokens gets the test Redis
        if (wanted.redis() || wanted.tokens()) {
            properties.put("spring.data.redis.host", infra.redisHost());
            properties.put("spring.data.redis.port", infra.redisPort());
        }
        if (wanted.smtp()) {
            properties.put("spring.mail.host", infra.smtpHost());
            properties.put("spring.mail.port", infra.smtpPort());
        }
        if (wanted.tokens()) {
            properties.put("skillwise.security.issuer", TestTokens.shared().issuer());
            properties.put("skillwise.security.jwk-set-uri", TestTokens.shared().jwkSetUri());
        }
        return properties;
    }
}
