package io.skillwise.testsupport;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the test class real infrastructure: by default devstack's embedded servers (no Docker), with
 * {@code -Dskillwise.test.infra=containers} Testcontainers with the real images. Servers are shared by the JVM;
 * each test class gets its own PostgreSQL database and Mongo database, named after the class. In a Spring Boot
 * test the matching {@code spring.*} properties are set; other tests take a {@link TestInfrastructure} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface WithInfrastructure {
    boolean postgres() default false;

    boolean kafka() default false;

    boolean mongo() default false;

    boolean redis() default false;

    boolean smtp() default false;

    /**
     * A local token issuer ({@link TestTokens}): sets {@code skillwise.security.issuer} and
     * {@code skillwise.security.jwk-set-uri} so the service accepts the tokens {@link TestTokens#shared()} mints, and
     * the Redis of the logout denylist (as {@link #redis()} does).
     */
    boolean tokens() default false;
}
