package io.skillwise.identity.keycloak;

import java.util.UUID;

/** The parts of a Keycloak user that identity-service reads. */
public record KeycloakUser(UUID id, String email, String firstName, String lastName, boolean enabled,
                           boolean emailVerified) {
}
