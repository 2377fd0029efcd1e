package io.skillwise.kit.security;

import org.springframework.security.access.AccessDeniedException;

import java.util.UUID;

/**
 * Object-level authorization in one place: a caller may act on a resource they own, or as an admin. Services call
 * it with the owner id of the loaded resource, so a guessed id of someone else's object answers 403.
 */
public final class Ownership {

    private Ownership() {
    }

    public static void requireOwnerOrAdmin(CurrentUser caller, UUID ownerId) {
        if (!isOwnerOrAdmin(caller, ownerId)) {
            throw new AccessDeniedException("this resource belongs to someone else");
        }
    }

    public static void requireOwner(CurrentUser caller, UUID ownerId) {
        if (ownerId == null || !ownerId.equals(caller.id())) {
            throw new AccessDeniedException("this resource belongs to someone else");
        }
    }

    public static boolean isOwnerOrAdmin(CurrentUser caller, UUID ownerId) {
        return caller.isAdmin() || (ownerId != null && ownerId.equals(caller.id()));
    }
}
