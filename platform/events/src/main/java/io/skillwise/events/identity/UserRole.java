package io.skillwise.events.identity;

/** Platform roles; the Keycloak realm roles of the same names in lower case. */
public enum UserRole {
    STUDENT,
    INSTRUCTOR,
    ADMIN
}
