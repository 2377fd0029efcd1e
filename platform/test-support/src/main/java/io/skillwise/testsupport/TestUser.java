package io.skillwise.testsupport;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who a test token speaks for: a Keycloak user as the services see it (subject, email, realm roles).
 *
 * @param id            the token subject, the user id every service keys its data by
 * @param email         the {@code email} claim
 * @param emailVerified the {@code email_verified} claim
 * @param roles         realm roles ({@code student}, {@code instructor}, {@code admin}) in {@code realm_access.roles}
 */
public record TestUser(UUID id, String email, boolean emailVerified, Set<String> roles) {

    public TestUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        roles = Set.copyOf(roles);
    }

    /** A fresh learner: new id, verified email. */
    public static TestUser student() {
        return withRoles("student");
    }

    /** A fresh instructor (instructors can also learn, as in the realm). */
    public static TestUser instructor() {
        return withRoles("student", "instructor");
    }

    /** A fresh administrator. */
    public static TestUser admin() {
        return withRoles("admin");
    }

    public static TestUser withRoles(String... roles) {
        UUID id = UUID.randomUUID();
        return new TestUser(id, "user-" + id.toString().substring(0, 8) + "@test.skillwise.io", true, Set.of(roles));
    }

    public TestUser withEmailVerified(boolean verified) {
        return new TestUser(id, email, verified, roles);
    }
}
