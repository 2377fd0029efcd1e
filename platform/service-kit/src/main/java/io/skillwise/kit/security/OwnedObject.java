package io.skillwise.kit.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that an operation acts on an object that belongs to someone, and who may act on it: the service checks it on
 * the loaded object ({@link Ownership}, or its own rule), so a second user's guessed id answers 403 or 404. The
 * OpenAPI document carries it as {@code objectOwner} in the operation's {@code x-skillwise-access} (docs/security.md),
 * which the security matrix of the system tests reads to try every such operation with another user's token.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OwnedObject {

    /** Who may act on the object, for people: {@code "the review's author, or an admin"}. */
    String value();
}
