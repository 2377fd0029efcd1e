package io.skillwise.testsupport;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who a test token speaks for: a Keycloak user as the services see it (subject, email, realm roles), or another
 * service's account.
 *
 * @param id            the token subject, the user id every service keys its data by
 * @param email         the {@code email} claim
 * @param emailVerified the {@code email_verified} claim
 * @param roles         realm roles ({@code student}, {@code instructor}, {@code admin}) in {@code realm_access.roles}
 * @param client        the {@code azp} claim: the apps' client for people, a service's client for its account
 */
public record TestUser(UUID id, String email, boolean emailVerified, Set<String> roles, String client) {

    /** The realm's client of the apps, whose tokens the services take on user routes. */
    public static final String APP_CLIENT = "skillwise-app";

    public TestUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(client, "client");
        roles = Set.copyOf(roles);
    }

    public TestUser(UUID id, String email, boolean emailVerified, Set<String> roles) {
        this(id, email, emailVerified, roles, APP_CLIENT);
    }

    /**
     * The account of another service ({@code payment-service}, {@code notification-service}), as its client-credentials
     * token shows it: realm role {@code service}, {@code azp} the client.
     */
    public static TestUser service(String clientId) {
        return new TestUser(UUID.randomUUID(), "service-account-" + clientId + "@test.skillwise.io", false,
                Set.of("service"), clientId);
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
        return new TestUser(id, email, verified, roles, client);
    }
}
