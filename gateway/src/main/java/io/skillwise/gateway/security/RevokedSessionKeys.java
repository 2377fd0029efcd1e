package io.skillwise.gateway.security;

/**
 * The Redis denylist of ended sessions, shared by identity-service (writer) and the gateway (reader).
 * <p>
 * Key: {@code skillwise:revoked-session:<sid>}, where {@code sid} is the Keycloak session id carried in the
 * access token's {@code sid} claim. On logout identity-service writes the key (any value, e.g. {@code "1"})
 * with a TTL at least as long as the longest access-token lifetime, e.g.
 * {@code SET skillwise:revoked-session:<sid> 1 EX 900}. While the key exists, the gateway answers 401 to every
 * token of that session; after the TTL the tokens have expired anyway, so the key can go. The gateway only
 * ever checks for existence ({@code EXISTS}), so the value carries no meaning.
 */
public final class RevokedSessionKeys {

    public static final String PREFIX = "skillwise:revoked-session:";

    /** The access-token claim naming the session. */
    public static final String SESSION_CLAIM = "sid";

    public static String keyFor(String sessionId) {
        return PREFIX + sessionId;
    }

    private RevokedSessionKeys() {
    }
}
