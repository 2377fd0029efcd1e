package io.skillwise.payment.buyer;

import io.skillwise.events.identity.BillingAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class BuyerRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BuyerRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An older event arriving late does not overwrite what a newer one said. */
    void saveIfNewer(UUID userId, String displayName, String certificateName, BillingAddress address,
                     Instant changedAt) {
        jdbc.sql("""
                        insert into buyer (user_id, display_name, certificate_name, billing_address, changed_at)
                        values (:id, :displayName, :certificateName, cast(:address as jsonb), :at)
                        on conflict (user_id) do update set display_name = excluded.display_name,
                            certificate_name = excluded.certificate_name, billing_address = excluded.billing_address,
                            changed_at = excluded.changed_at
                        where buyer.changed_at <= excluded.changed_at""")
                .param("id", userId).param("displayName", displayName).param("certificateName", certificateName)
                .param("address", address == null ? null : json.writeValueAsString(address))
                .param("at", Timestamp.from(changedAt))
                .update();
    }

    void delete(UUID userId) {
        jdbc.sql("delete from buyer where user_id = :id").param("id", userId).update();
    }

    Optional<BuyerService.BilledBuyer> find(UUID userId) {
        return jdbc.sql("""
                        select coalesce(certificate_name, display_name) as name, billing_address::text as address
                        from buyer where user_id = :id""")
                .param("id", userId)
                .query((rs, row) -> new BuyerService.BilledBuyer(rs.getString("name"),
                        rs.getString("address") == null ? null
                                : json.readValue(rs.getString("address"), BillingAddress.class)))
                .optional();
    }
}
