package io.skillwise.identity.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time tokens for the mailed links. The token itself (256 random bits) goes only into the mail; the table
 * keeps its SHA-256, an expiry and the moment it was used, so a token works once and not after it expires.
 */
@Repository
public class AccountTokenRepository {

    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public AccountTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a fresh token for the user and answers its clear text, to be mailed and forgotten. */
    public String issue(UUID userId, Purpose purpose, Instant now, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into account_token (token_hash, user_id, purpose, expires_at, created_at)
                        values (:hash, :userId, :purpose, :expiresAt, :now)
                        """)
                .param("hash", hash(token)).param("userId", userId).param("purpose", purpose.name())
                .param("expiresAt", Timestamp.from(expiresAt)).param("now", Timestamp.from(now))
                .update();
        return token;
    }

    /**
     * Spends a token: answers its user when the token exists for this purpose, is unused and unexpired, and marks it
     * used in the caller's transaction (so a failure later in that transaction leaves it usable).
     */
    public Optional<UUID> consume(String token, Purpose purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update account_token set used_at = :now
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        returning user_id
                        """)
                .param("hash", hash(token)).param("purpose", purpose.name()).param("now", Timestamp.from(now))
                .query(UUID.class).optional();
    }

    /** Retires every open token of the user for the purpose, e.g. older reset links once the password changed. */
    public void retireAll(UUID userId, Purpose purpose, Instant now) {
        jdbc.sql("update account_token set used_at = :now where user_id = :userId and purpose = :purpose and used_at is null")
                .param("now", Timestamp.from(now)).param("userId", userId).param("purpose", purpose.name())
                .update();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
