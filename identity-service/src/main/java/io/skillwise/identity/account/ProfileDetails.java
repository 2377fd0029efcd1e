package io.skillwise.identity.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The profile fields a user edits about themself (all but the display name, which lives on {@link Account}). */
public record ProfileDetails(String headline, String bio, List<String> learningPreferences, List<String> expertise,
                             Map<String, String> socialLinks, List<ProfessionalCredential> credentials) {

    public ProfileDetails {
        learningPreferences = learningPreferences == null ? List.of() : List.copyOf(learningPreferences);
        expertise = expertise == null ? List.of() : List.copyOf(expertise);
        socialLinks = socialLinks == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(socialLinks));
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }

    public static ProfileDetails empty() {
        return new ProfileDetails(null, null, List.of(), List.of(), Map.of(), List.of());
    }

    /** A title earned from an issuer, e.g. a certification, with an optional https link to check it. */
    public record ProfessionalCredential(String title, String issuer, Integer year, String url) {
    }
}
