package io.skillwise.events.identity;

/**
 * The denylist of ended sessions, a contract between identity-service (which writes it) and the gateway and every
 * service (which read it, the services through the kit's {@code SessionDenylist}), kept here because all of them build
 * on this module and none may depend on another.
 * <p>
 * Key: {@code skillwise:revoked-session:<sid>} in Redis, where {@code sid} is the Keycloak session id the access
 * token carries in its {@code sid} claim. On logout (and when an admin disables or deletes a user) identity-service
 * writes the key with a time to live at least as long as the longest access-token lifetime; while the key exists
 * the gateway and the services answer 401 to every token of that session, and once it expires the tokens have expired too. Only the
 * key's existence means something; its value does not.
 */
public final class RevokedSessionKeys {

    public static final String PREFIX = "skillwise:revoked-session:";

    /** The access-token claim naming the session. */
    public static final String SESSION_CLAIM = "sid";

    private RevokedSessionKeys() {
    }

    /** The key of one ended session. */
    public static String keyFor(String sessionId) {
        return PREFIX + sessionId;
    }
}
