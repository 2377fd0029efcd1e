package io.skillwise.identity.profile;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code PATCH /profile} as the OpenAPI document shows it. The controller reads the body as a JSON tree
 * ({@link ProfilePatch}) so that null (clear the field) is told apart from a field not sent, and a read-only or
 * unknown field is refused by name; this record only describes that merge patch, with the limits ProfilePatch checks.
 */
@Schema(name = "ProfileChanges",
        description = "A JSON merge patch of the signed-in user's profile: send only the fields to change; null "
                + "clears a field. E-mail, roles and status are read-only here and refused by name.",
        example = "{\"headline\": \"Backend engineer and teacher\", \"expertise\": [\"Kafka\", \"Spring\"], "
                + "\"socialLinks\": {\"github\": \"https://github.com/ada\"}, \"certificateName\": \"Ada Lovelace\"}")
record ProfileChanges(
        @Schema(description = "The name shown on the platform.", minLength = 1, maxLength = 100)
        String displayName,
        @Schema(description = "One line under the name.", maxLength = 120)
        String headline,
        @Schema(description = "About the user, plain text.", maxLength = 4000)
        String bio,
        @ArraySchema(arraySchema = @Schema(description = "Topics the learner wants to learn."), maxItems = 20,
                schema = @Schema(minLength = 1, maxLength = 80))
        List<String> learningPreferences,
        @ArraySchema(arraySchema = @Schema(description = "Topics the instructor teaches."), maxItems = 20,
                schema = @Schema(minLength = 1, maxLength = 80))
        List<String> expertise,
        @Schema(description = "Named https links (lower-case names such as `github` or `website`), replaced as a "
                + "whole.", maxProperties = 10, additionalPropertiesSchema = HttpsLink.class)
        Map<String, String> socialLinks,
        @ArraySchema(arraySchema = @Schema(description = "Professional credentials, replaced as a whole."),
                maxItems = 20)
        List<Credential> credentials,
        @Schema(description = "Private details only the owner reads, replaced as a whole.")
        PersonalDetails personalDetails,
        @Schema(description = "The name printed on certificates and invoices; null goes back to the display name.",
                maxLength = 100)
        String certificateName,
        @Schema(description = "The address printed on invoices, replaced as a whole; null removes it.")
        BillingAddressChange billingAddress) {

    @Schema(name = "ProfileHttpsLink", type = "string", format = "uri", maxLength = 500,
            example = "https://github.com/ada")
    record HttpsLink() {
    }

    @Schema(name = "ProfileCredential")
    record Credential(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 120,
                    example = "Certified Kubernetes Administrator") String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 120,
                    example = "CNCF") String issuer,
            @Schema(minimum = "1900", maximum = "2100", example = "2024") Integer year,
            @Schema(format = "uri", maxLength = 500, example = "https://www.credly.com/badges/1") String url) {
    }

    @Schema(name = "ProfilePersonalDetails")
    record PersonalDetails(
            @Schema(maxLength = 20, example = "+49 30 1234567") String phone,
            @Schema(format = "date", example = "1990-04-23") String dateOfBirth,
            @Schema(maxLength = 300, example = "Unter den Linden 1, Berlin") String address) {
    }

    @Schema(name = "ProfileBillingAddress")
    record BillingAddressChange(
            @Schema(maxLength = 100, example = "Ada Lovelace") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "Unter den Linden 1")
            String line1,
            @Schema(maxLength = 200, example = "3rd floor") String line2,
            @Schema(maxLength = 20, example = "10117") String postalCode,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100, example = "Berlin") String city,
            @Schema(maxLength = 100, example = "Berlin") String region,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 2, maxLength = 2,
                    description = "ISO 3166-1 alpha-2 code", example = "DE") String country) {
    }
}
