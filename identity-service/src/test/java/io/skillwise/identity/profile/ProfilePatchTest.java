package io.skillwise.identity.profile;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilePatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void onlyHttpsLinksWithAHostAreAccepted() {
        assertThat(ProfilePatch.isHttpsUrl("https://github.com/ada")).isTrue();
        assertThat(ProfilePatch.isHttpsUrl("HTTPS://example.com")).isTrue();
        assertThat(ProfilePatch.isHttpsUrl("http://github.com/ada")).isFalse();
        assertThat(ProfilePatch.isHttpsUrl("javascript:alert(1)")).isFalse();
        assertThat(ProfilePatch.isHttpsUrl("https:///nohost")).isFalse();
        assertThat(ProfilePatch.isHttpsUrl("https://user:pw@example.com")).isFalse();
        assertThat(ProfilePatch.isHttpsUrl("not a url")).isFalse();
    }

    @Test
    void readOnlyAndUnknownFieldsAreNamed() {
        ProfilePatch patch = new ProfilePatch(JSON.readTree("{\"roles\":[\"admin\"],\"bio\":\"x\",\"isAdmin\":true}"));
        assertThat(patch.problems()).extracting(p -> p.field() + ":" + p.message())
                .containsExactlyInAnyOrder("roles:is read-only", "isAdmin:is not a profile field");
    }

    @Test
    void credentialsAreCheckedFieldByField() {
        ProfilePatch patch = new ProfilePatch(JSON.readTree(
                "{\"credentials\":[{\"title\":\"\",\"issuer\":\"AWS\",\"year\":1800,\"url\":\"ftp://x\",\"level\":1}]}"));
        patch.credentials();
        assertThat(patch.problems()).extracting(p -> p.field()).containsExactlyInAnyOrder(
                "credentials[0].level", "credentials[0].title", "credentials[0].year", "credentials[0].url");
    }

    @Test
    void billingAddressNeedsStreetCityAndAKnownCountryAndTakesNoOtherFields() {
        ProfilePatch patch = new ProfilePatch(JSON.readTree(
                "{\"billingAddress\":{\"line1\":\" \",\"city\":\"Berlin\",\"country\":\"DX\",\"vat\":\"DE1\"}}"));
        assertThat(patch.billingAddress()).isNull();
        assertThat(patch.problems()).extracting(p -> p.field()).containsExactlyInAnyOrder(
                "billingAddress.vat", "billingAddress.line1", "billingAddress.country");
    }

    @Test
    void billingAddressIsTrimmedAndItsCountryUpperCased() {
        ProfilePatch patch = new ProfilePatch(JSON.readTree(
                "{\"billingAddress\":{\"line1\":\" Unter den Linden 1 \",\"postalCode\":\"10117\",\"city\":\"Berlin\","
                        + "\"country\":\"de\"}}"));
        assertThat(patch.billingAddress()).isEqualTo(new io.skillwise.events.identity.BillingAddress(null,
                "Unter den Linden 1", null, "10117", "Berlin", null, "DE"));
        assertThat(patch.problems()).isEmpty();
    }

    @Test
    void certificateNameIsOneLineOfAtMostAHundredCharactersAndBlankMeansNone() {
        assertThat(new ProfilePatch(JSON.readTree("{\"certificateName\":\"  \"}")).certificateName()).isNull();
        ProfilePatch multiline = new ProfilePatch(JSON.readTree("{\"certificateName\":\"Ada\\nLovelace\"}"));
        assertThat(multiline.certificateName()).isNull();
        assertThat(multiline.problems()).extracting(p -> p.field()).containsExactly("certificateName");
        ProfilePatch tooLong = new ProfilePatch(JSON.readTree("{\"certificateName\":\"" + "a".repeat(101) + "\"}"));
        tooLong.certificateName();
        assertThat(tooLong.problems()).extracting(p -> p.field()).containsExactly("certificateName");
    }
}
