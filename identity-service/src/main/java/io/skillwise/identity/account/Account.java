package io.skillwise.identity.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A platform user as identity-service keeps them: the Keycloak subject as id, the copy of email, name, roles and
 * status that admins search, and the profile that only identity owns.
 *
 * @param instructorRequested the user asked to teach at registration and waits for an admin to grant the role
 * @param avatarVersion       bumped on every upload so the avatar URL changes with the picture; null without avatar
 */
public record Account(UUID userId, String email, String displayName, List<String> roles, boolean enabled,
                      boolean emailVerified, boolean instructorRequested, ProfileDetails profile,
                      PersonalData personalData, DocumentDetails documents, Integer avatarVersion, Instant createdAt,
                      Instant updatedAt) {

    public Account {
        roles = List.copyOf(roles);
        profile = profile == null ? ProfileDetails.empty() : profile;
        personalData = personalData == null ? PersonalData.empty() : personalData;
        documents = documents == null ? DocumentDetails.empty() : documents;
    }

    public static Account registered(UUID userId, String email, String displayName, List<String> roles,
                                     boolean instructorRequested, Instant now) {
        return new Account(userId, email, displayName, roles, true, false, instructorRequested, null, null, null,
                null, now, now);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Account withRoles(List<String> newRoles, Instant now) {
        // Granting the instructor role answers a pending request; nothing is pending any more.
        boolean stillRequested = instructorRequested && !newRoles.contains("instructor");
        return new Account(userId, email, displayName, newRoles, enabled, emailVerified, stillRequested, profile,
                personalData, documents, avatarVersion, createdAt, now);
    }

    public Account withEnabled(boolean newEnabled, Instant now) {
        return new Account(userId, email, displayName, roles, newEnabled, emailVerified, instructorRequested, profile,
                personalData, documents, avatarVersion, createdAt, now);
    }

    public Account verified(Instant now) {
        return new Account(userId, email, displayName, roles, enabled, true, instructorRequested, profile,
                personalData, documents, avatarVersion, createdAt, now);
    }

    public Account withProfile(String newDisplayName, ProfileDetails newProfile, PersonalData newPersonalData,
                               DocumentDetails newDocuments, Instant now) {
        return new Account(userId, email, newDisplayName, roles, enabled, emailVerified, instructorRequested,
                newProfile, newPersonalData, newDocuments, avatarVersion, createdAt, now);
    }

    /** The name certificates and invoices carry: the one the user chose for them, else the display name. */
    public String documentName() {
        return documents.certificateName() != null ? documents.certificateName() : displayName;
    }

    public Account withNextAvatar(Instant now) {
        int next = avatarVersion == null ? 1 : avatarVersion + 1;
        return new Account(userId, email, displayName, roles, enabled, emailVerified, instructorRequested, profile,
                personalData, documents, next, createdAt, now);
    }
}
