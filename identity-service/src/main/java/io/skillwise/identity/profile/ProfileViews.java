package io.skillwise.identity.profile;

import io.skillwise.events.identity.BillingAddress;
import io.skillwise.identity.account.ProfileDetails.ProfessionalCredential;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the profile routes answer. */
public final class ProfileViews {

    private ProfileViews() {
    }

    /**
     * The owner's own profile (GET/PATCH {@code /profile}); personal details and the billing address only ever go to
     * their owner.
     *
     * @param certificateName the name printed on certificates and invoices: the one chosen, else the display name
     * @param billingAddress  the address printed on invoices; absent when none was given
     */
    public record ProfileView(UUID userId, String email, boolean emailVerified, String displayName, String headline,
                              String bio, List<String> learningPreferences, List<String> expertise,
                              Map<String, String> socialLinks, List<ProfessionalCredential> credentials,
                              String avatarUrl, List<String> roles, boolean mfaEnabled, boolean instructorRequested,
                              PersonalDetailsView personalDetails, String certificateName,
                              BillingAddress billingAddress) {
    }

    public record PersonalDetailsView(String phone, String dateOfBirth, String address) {
    }

    /** What anyone may see of an instructor: no email, no roles, no personal details. */
    public record InstructorProfileView(UUID userId, String displayName, String headline, String bio,
                                        List<String> expertise, Map<String, String> socialLinks,
                                        List<ProfessionalCredential> credentials, String avatarUrl) {
    }

    public record AvatarView(String avatarUrl) {
    }
}
