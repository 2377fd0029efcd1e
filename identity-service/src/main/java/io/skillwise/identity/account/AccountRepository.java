package io.skillwise.identity.account;

import io.skillwise.events.identity.BillingAddress;
import io.skillwise.identity.crypto.FieldCipher;
import io.skillwise.kit.web.PageView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts in PostgreSQL. Plain SQL rather than derived queries: the list and map fields are jsonb, the personal
 * data is encrypted here (so nothing above this class ever handles the ciphertext), and the admin search composes
 * optional filters.
 */
@Repository
public class AccountRepository {

    private static final String PERSONAL_DATA_CONTEXT = "account.personal_data:";
    private static final String BILLING_ADDRESS_CONTEXT = "account.billing_address:";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final FieldCipher cipher;

    public AccountRepository(JdbcClient jdbc, JsonMapper json, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
    }

    /** Sort keys the admin list accepts, mapped to columns (never interpolated from the request). */
    public static final java.util.Map<String, String> SORTABLE = java.util.Map.of(
            "createdAt", "created_at", "email", "lower(email)", "displayName", "lower(display_name)");

    public void insert(Account account) {
        jdbc.sql("""
                        insert into account (user_id, email, display_name, roles, enabled, email_verified,
                            instructor_requested, headline, bio, learning_preferences, expertise, social_links, credentials,
                            personal_data, certificate_name, billing_address, avatar_version, created_at, updated_at)
                        values (:id, :email, :displayName, :roles, :enabled, :emailVerified, :instructorRequested,
                            :headline, :bio, cast(:learningPreferences as jsonb), cast(:expertise as jsonb),
                            cast(:socialLinks as jsonb), cast(:credentials as jsonb), :personalData, :certificateName,
                            :billingAddress, :avatarVersion,
                            :createdAt, :updatedAt)
                        """)
                .params(parameters(account))
                .update();
    }

    public void update(Account account) {
        jdbc.sql("""
                        update account set email = :email, display_name = :displayName, roles = :roles,
                            enabled = :enabled, email_verified = :emailVerified, instructor_requested = :instructorRequested,
                            headline = :headline, bio = :bio, learning_preferences = cast(:learningPreferences as jsonb),
                            expertise = cast(:expertise as jsonb), social_links = cast(:socialLinks as jsonb),
                            credentials = cast(:credentials as jsonb), personal_data = :personalData,
                            certificate_name = :certificateName, billing_address = :billingAddress,
                            avatar_version = :avatarVersion, updated_at = :updatedAt
                        where user_id = :id
                        """)
                .params(parameters(account))
                .update();
    }

    public Optional<Account> findById(UUID userId) {
        return jdbc.sql("select * from account where user_id = :id").param("id", userId).query(this::map).optional();
    }

    /** Locks the row for the rest of the transaction, so two concurrent changes of one account serialise. */
    public Optional<Account> lockById(UUID userId) {
        return jdbc.sql("select * from account where user_id = :id for update").param("id", userId).query(this::map).optional();
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("select * from account where lower(email) = lower(:email)").param("email", email)
                .query(this::map).optional();
    }

    public void delete(UUID userId) {
        jdbc.sql("delete from account where user_id = :id").param("id", userId).update();
    }

    public PageView<Account> search(AccountSearch search, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (search.text() != null && !search.text().isBlank()) {
            where.append(" and (lower(email) like :text or lower(display_name) like :text)");
            params.put("text", "%" + escapeLike(search.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (search.role() != null && !search.role().isBlank()) {
            where.append(" and :role = any(roles)");
            params.put("role", search.role());
        }
        if (search.status() != null && !search.status().isBlank()) {
            where.append(switch (search.status()) {
                case "enabled" -> " and enabled";
                case "disabled" -> " and not enabled";
                case "unverified" -> " and not email_verified";
                case "instructor-requested" -> " and instructor_requested";
                default -> throw new IllegalArgumentException("unknown status " + search.status());
            });
        }
        long total = jdbc.sql("select count(*) from account" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        String order = SORTABLE.getOrDefault(search.sort(), "created_at") + (search.descending() ? " desc" : " asc");
        List<Account> items = jdbc.sql("select * from account" + where
                        + " order by " + order + ", user_id limit :limit offset :offset")
                .params(params).query(this::map).list();
        return PageView.of(items, page, size, total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Map<String, Object> parameters(Account account) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", account.userId());
        params.put("email", account.email());
        params.put("displayName", account.displayName());
        params.put("roles", account.roles().toArray(String[]::new));
        params.put("enabled", account.enabled());
        params.put("emailVerified", account.emailVerified());
        params.put("instructorRequested", account.instructorRequested());
        ProfileDetails profile = account.profile();
        params.put("headline", profile.headline());
        params.put("bio", profile.bio());
        params.put("learningPreferences", json.writeValueAsString(profile.learningPreferences()));
        params.put("expertise", json.writeValueAsString(profile.expertise()));
        params.put("socialLinks", json.writeValueAsString(profile.socialLinks()));
        params.put("credentials", json.writeValueAsString(profile.credentials()));
        params.put("personalData", account.personalData().isEmpty() ? null
                : cipher.encrypt(json.writeValueAsString(account.personalData()), PERSONAL_DATA_CONTEXT + account.userId()));
        BillingAddress billing = account.documents().billingAddress();
        params.put("certificateName", account.documents().certificateName());
        params.put("billingAddress", billing == null ? null
                : cipher.encrypt(json.writeValueAsString(billing), BILLING_ADDRESS_CONTEXT + account.userId()));
        params.put("avatarVersion", account.avatarVersion());
        params.put("createdAt", Timestamp.from(account.createdAt()));
        params.put("updatedAt", Timestamp.from(account.updatedAt()));
        return params;
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        UUID userId = rs.getObject("user_id", UUID.class);
        ProfileDetails profile = new ProfileDetails(rs.getString("headline"), rs.getString("bio"),
                json.readValue(rs.getString("learning_preferences"), new TypeReference<List<String>>() { }),
                json.readValue(rs.getString("expertise"), new TypeReference<List<String>>() { }),
                json.readValue(rs.getString("social_links"), new TypeReference<LinkedHashMap<String, String>>() { }),
                json.readValue(rs.getString("credentials"),
                        new TypeReference<List<ProfileDetails.ProfessionalCredential>>() { }));
        byte[] sealed = rs.getBytes("personal_data");
        PersonalData personal = sealed == null ? PersonalData.empty()
                : json.readValue(cipher.decrypt(sealed, PERSONAL_DATA_CONTEXT + userId), PersonalData.class);
        byte[] sealedBilling = rs.getBytes("billing_address");
        DocumentDetails documents = new DocumentDetails(rs.getString("certificate_name"), sealedBilling == null ? null
                : json.readValue(cipher.decrypt(sealedBilling, BILLING_ADDRESS_CONTEXT + userId), BillingAddress.class));
        Integer avatarVersion = (Integer) rs.getObject("avatar_version");
        return new Account(userId, rs.getString("email"), rs.getString("display_name"), roles(rs.getArray("roles")),
                rs.getBoolean("enabled"), rs.getBoolean("email_verified"), rs.getBoolean("instructor_requested"),
                profile, personal, documents, avatarVersion, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> roles(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
