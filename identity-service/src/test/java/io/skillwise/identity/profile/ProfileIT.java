package io.skillwise.identity.profile;

import io.skillwise.testsupport.ApiResponse;
import io.skillwise.identity.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProfileIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void profileUpdateIsSavedPublishedAndKeepsPersonalDataEncrypted() {
        Member member = signUp("profile");
        ApiResponse before = api.withToken(member.accessToken()).get("/profile");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.text("email")).isEqualTo(member.email());
        assertThat(before.body().path("mfaEnabled").asBoolean(true)).isFalse();

        ApiResponse patched = api.withToken(member.accessToken()).patch("/profile", Map.of(
                "displayName", "Ada Lovelace",
                "headline", "First programmer",
                "bio", "Notes on the Analytical Engine.",
                "learningPreferences", List.of("video", "reading"),
                "expertise", List.of("mathematics", "algorithms"),
                "socialLinks", Map.of("website", "https://ada.example.com"),
                "credentials", List.of(Map.of("title", "Countess", "issuer", "The Crown", "year", 2019,
                        "url", "https://crown.example.com/ada")),
                "personalDetails", Map.of("phone", "+44 20 7946 0958", "dateOfBirth", "1990-12-10")));
        assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
        ApiResponse after = api.withToken(member.accessToken()).get("/profile");
        assertThat(after.text("displayName")).isEqualTo("Ada Lovelace");
        assertThat(after.text("headline")).isEqualTo("First programmer");
        assertThat(after.body().path("expertise").toString()).isEqualTo("[\"mathematics\",\"algorithms\"]");
        assertThat(after.body().path("socialLinks").path("website").asString()).isEqualTo("https://ada.example.com");
        assertThat(after.body().path("credentials").get(0).path("year").asInt()).isEqualTo(2019);
        assertThat(after.body().path("personalDetails").path("phone").asString()).isEqualTo("+44 20 7946 0958");

        String event = jdbc.sql("""
                        select payload::text from outbox_event where event_key = :key and event_type like '%UserProfileUpdated%'
                        """).param("key", member.id().toString()).query(String.class).single();
        assertThat(event).contains("Ada Lovelace").contains("displayName").contains("expertise")
                .doesNotContain("7946").doesNotContain("1990-12");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
                        select count(*) from outbox_event
                        where event_key = :key and event_type like '%UserProfileUpdated%' and published_at is not null
                        """).param("key", member.id().toString()).query(Long.class).single())
                .as("the relay put the event on Kafka").isEqualTo(1));
        byte[] stored = jdbc.sql("select personal_data from account where user_id = :id").param("id", member.id())
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("7946").doesNotContain("1990-12");

        ApiResponse login = login(member.email(), member.password(), null);
        assertThat(claims(login.text("accessToken")).path("name").asString())
                .as("Keycloak's names follow the display name").isEqualTo("Ada Lovelace");
    }

    @Test
    void certificateNameDefaultsToTheDisplayNameAndIsPublishedWithTheEncryptedBillingAddress() {
        Member member = signUp("documents");
        ApiResponse fresh = api.withToken(member.accessToken()).get("/profile");
        assertThat(fresh.text("certificateName")).as("the account's name until one is chosen")
                .isEqualTo(fresh.text("displayName"));

        ApiResponse patched = api.withToken(member.accessToken()).patch("/profile", Map.of(
                "certificateName", "  Augusta Ada King, Countess of Lovelace ",
                "billingAddress", Map.of("line1", "12 St James's Square", "postalCode", "SW1Y 4JH",
                        "city", "London", "country", "gb")));
        assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
        assertThat(patched.text("certificateName")).isEqualTo("Augusta Ada King, Countess of Lovelace");
        assertThat(patched.body().path("billingAddress").path("country").asString()).isEqualTo("GB");
        assertThat(patched.body().path("billingAddress").path("postalCode").asString()).isEqualTo("SW1Y 4JH");

        String event = jdbc.sql("""
                        select payload::text from outbox_event where event_key = :key and event_type like '%UserProfileUpdated%'
                        """).param("key", member.id().toString()).query(String.class).single();
        assertThat(event).contains("\"certificateName\": \"Augusta Ada King, Countess of Lovelace\"")
                .contains("12 St James's Square").contains("\"changedFields\": [\"certificateName\", \"billingAddress\"]");
        byte[] stored = jdbc.sql("select billing_address from account where user_id = :id").param("id", member.id())
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("James").doesNotContain("SW1Y");

        ApiResponse cleared = api.withToken(member.accessToken()).patch("/profile",
                java.util.Collections.singletonMap("certificateName", null));
        assertThat(cleared.text("certificateName")).isEqualTo(fresh.text("displayName"));
        assertThat(cleared.body().path("billingAddress").path("city").asString()).isEqualTo("London");
    }

    @Test
    void badCertificateNameOrBillingAddressIsRefusedFieldByFieldAndChangesNothing() {
        Member member = signUp("badaddress");
        ApiResponse refused = api.withToken(member.accessToken()).patch("/profile", Map.of(
                "certificateName", "x".repeat(101),
                "billingAddress", Map.of("line1", "", "city", "Paris", "country", "XX", "floor", "3")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().path("errors").toString()).contains("certificateName")
                .contains("billingAddress.line1").contains("billingAddress.country").contains("billingAddress.floor");
        ApiResponse unchanged = api.withToken(member.accessToken()).get("/profile");
        assertThat(unchanged.text("certificateName")).isEqualTo(unchanged.text("displayName"));
        assertThat(unchanged.body().has("billingAddress")).isFalse();
    }

    @Test
    void patchRefusesReadOnlyUnknownAndInsecureFields() {
        Member member = signUp("massassign");
        ApiResponse readOnly = api.withToken(member.accessToken()).patch("/profile",
                Map.of("roles", List.of("admin"), "email", "evil@example.com", "userId", member.id().toString(),
                        "favouriteColour", "blue"));
        assertThat(readOnly.status()).isEqualTo(400);
        assertThat(readOnly.body().path("errors").toString()).contains("roles").contains("email").contains("userId")
                .contains("favouriteColour");
        ApiResponse insecure = api.withToken(member.accessToken()).patch("/profile",
                Map.of("socialLinks", Map.of("github", "http://github.com/x")));
        assertThat(insecure.status()).isEqualTo(400);
        assertThat(insecure.body().path("errors").toString()).contains("socialLinks.github");
        assertThat(api.withToken(member.accessToken()).patch("/profile", Map.of("socialLinks", Map.of("site",
                "javascript:alert(1)"))).status()).isEqualTo(400);

        ApiResponse unchanged = api.withToken(member.accessToken()).get("/profile");
        assertThat(unchanged.text("email")).isEqualTo(member.email());
        assertThat(unchanged.body().path("roles").toString()).isEqualTo("[\"student\"]");
    }

    @Test
    void studentHasNoPublicInstructorProfileAndCannotReachAnotherUser() {
        Member alice = signUp("alice");
        Member bob = signUp("bob");
        assertThat(api.get("/instructors/" + alice.id() + "/profile").status()).isEqualTo(404);
        for (String path : List.of("/users/" + bob.id())) {
            assertThat(api.withToken(alice.accessToken()).get(path).status()).isEqualTo(403);
            assertThat(api.withToken(alice.accessToken()).patch(path, Map.of("displayName", "Pwned")).status())
                    .isEqualTo(403);
            assertThat(api.withToken(alice.accessToken()).delete(path).status()).isEqualTo(403);
        }
        // /profile always means the caller: nothing in the request can point it at Bob
        assertThat(api.withToken(alice.accessToken()).get("/profile?userId=" + bob.id()).text("email"))
                .isEqualTo(alice.email());
        assertThat(api.withToken(alice.accessToken()).patch("/profile", Map.of("userId", bob.id().toString()))
                .status()).isEqualTo(400);
        assertThat(api.withToken(bob.accessToken()).get("/profile").text("displayName")).isEqualTo("Test bob");
    }

    @Test
    void avatarIsCheckedByContentReencodedAndServedAtAStableUrl() throws IOException {
        Member member = signUp("avatar");
        byte[] png = image("png", 1600, 800);
        byte[] withTrailer = concat(png, "TRAILING-SECRET".getBytes(StandardCharsets.US_ASCII));

        ApiResponse uploaded = api.withToken(member.accessToken()).upload("/profile/avatar", "me.png", "image/png",
                withTrailer);
        assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(200);
        String url = uploaded.text("avatarUrl");
        assertThat(url).startsWith("/api/v1/users/" + member.id() + "/avatar");

        ApiResponse served = api.get("http://127.0.0.1:" + port + url);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/png");
        assertThat(new String(served.raw(), StandardCharsets.ISO_8859_1)).doesNotContain("TRAILING-SECRET");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(served.raw()));
        assertThat(stored.getWidth()).isEqualTo(1024);
        assertThat(stored.getHeight()).isEqualTo(512);
        assertThat(api.withToken(member.accessToken()).get("/profile").text("avatarUrl")).isEqualTo(url);

        ApiResponse jpeg = api.withToken(member.accessToken()).upload("/profile/avatar", "photo.jpg", "image/jpeg",
                image("jpeg", 200, 200));
        assertThat(jpeg.status()).isEqualTo(200);
        assertThat(jpeg.text("avatarUrl")).as("a new picture, a new URL").isNotEqualTo(url);

        assertThat(api.withToken(member.accessToken()).upload("/profile/avatar", "fake.png", "image/png",
                "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes()).status()).isEqualTo(400);
        byte[] huge = new byte[2 * 1024 * 1024 + 10];
        System.arraycopy(png, 0, huge, 0, png.length);
        assertThat(api.withToken(member.accessToken()).upload("/profile/avatar", "huge.png", "image/png", huge)
                .status())
                .isEqualTo(413);
    }

    private static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
