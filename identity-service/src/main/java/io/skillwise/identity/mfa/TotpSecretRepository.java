package io.skillwise.identity.mfa;

import io.skillwise.identity.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** TOTP secrets, encrypted with the application key and bound to their user (a copied row does not decrypt). */
@Repository
public class TotpSecretRepository {

    public record TotpSecret(UUID userId, String secret, Instant createdAt, Instant confirmedAt) {

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    public TotpSecretRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Starts (or restarts) an enrolment; a confirmed secret is never overwritten here. */
    public void savePending(UUID userId, String secret, Instant now) {
        jdbc.sql("""
                        insert into totp_secret (user_id, secret, created_at) values (:id, :secret, :now)
                        on conflict (user_id) do update set secret = excluded.secret, created_at = excluded.created_at
                        where totp_secret.confirmed_at is null
                        """)
                .param("id", userId).param("secret", cipher.encrypt(secret, context(userId)))
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<TotpSecret> lock(UUID userId) {
        return jdbc.sql("select user_id, secret, created_at, confirmed_at from totp_secret where user_id = :id for update")
                .param("id", userId)
                .query((rs, row) -> new TotpSecret(userId, cipher.decrypt(rs.getBytes("secret"), context(userId)),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant()))
                .optional();
    }

    public void confirm(UUID userId, Instant now) {
        jdbc.sql("update totp_secret set confirmed_at = :now where user_id = :id")
                .param("id", userId).param("now", Timestamp.from(now)).update();
    }

    public void delete(UUID userId) {
        jdbc.sql("delete from totp_secret where user_id = :id").param("id", userId).update();
    }

    private static String context(UUID userId) {
        return "totp_secret.secret:" + userId;
    }
}
