package io.skillwise.identity.profile;

import io.skillwise.events.identity.BillingAddress;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.identity.account.Account;
import io.skillwise.identity.account.AccountService;
import io.skillwise.identity.account.DocumentDetails;
import io.skillwise.identity.account.InvalidFieldsException;
import io.skillwise.identity.account.PersonalData;
import io.skillwise.identity.account.ProfileDetails;
import io.skillwise.identity.keycloak.KeycloakAdminClient;
import io.skillwise.identity.profile.ProfileViews.AvatarView;
import io.skillwise.identity.profile.ProfileViews.InstructorProfileView;
import io.skillwise.identity.profile.ProfileViews.PersonalDetailsView;
import io.skillwise.identity.profile.ProfileViews.ProfileView;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import io.skillwise.kit.messaging.EventPublisher;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's own profile, the public instructor profile and avatars. Every route works on the caller's own account
 * (the id comes from the token, never from the request), so no id in a URL can reach someone else's profile.
 */
@Service
public class ProfileService {

    private final AccountService accounts;
    private final AvatarRepository avatars;
    private final AvatarImages images;
    private final KeycloakAdminClient keycloak;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ProfileService(AccountService accounts, AvatarRepository avatars, AvatarImages images,
                          KeycloakAdminClient keycloak, EventPublisher events, TransactionTemplate transaction,
                          Clock clock) {
        this.accounts = accounts;
        this.avatars = avatars;
        this.images = images;
        this.keycloak = keycloak;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public ProfileView get(CurrentUser caller) {
        return view(accounts.require(caller.id()));
    }

    public ProfileView update(CurrentUser caller, JsonNode body) {
        accounts.require(caller.id());
        ProfilePatch patch = new ProfilePatch(body);
        rejectIfInvalid(patch);
        // Every field is parsed and checked before anything is written, so all problems come back at once.
        String newDisplayName = patch.has("displayName") ? patch.displayName() : null;
        String headline = patch.has("headline") ? patch.text("headline", 120) : null;
        String bio = patch.has("bio") ? patch.text("bio", 4000) : null;
        List<String> preferences = patch.has("learningPreferences") ? patch.texts("learningPreferences") : null;
        List<String> expertise = patch.has("expertise") ? patch.texts("expertise") : null;
        Map<String, String> links = patch.has("socialLinks") ? patch.socialLinks() : null;
        List<ProfileDetails.ProfessionalCredential> credentials = patch.has("credentials") ? patch.credentials() : null;
        PersonalData personalDetails = patch.has("personalDetails") ? patch.personalDetails() : null;
        String certificateName = patch.has("certificateName") ? patch.certificateName() : null;
        BillingAddress billingAddress = patch.has("billingAddress") ? patch.billingAddress() : null;
        rejectIfInvalid(patch);
        Account saved = transaction.execute(status -> {
            Account account = accounts.lock(caller.id()).orElseThrow(() -> ApiException.notFound("The profile"));
            ProfileDetails old = account.profile();
            String displayName = patch.has("displayName") ? newDisplayName : account.displayName();
            ProfileDetails details = new ProfileDetails(
                    patch.has("headline") ? headline : old.headline(),
                    patch.has("bio") ? bio : old.bio(),
                    patch.has("learningPreferences") ? preferences : old.learningPreferences(),
                    patch.has("expertise") ? expertise : old.expertise(),
                    patch.has("socialLinks") ? links : old.socialLinks(),
                    patch.has("credentials") ? credentials : old.credentials());
            PersonalData personal = patch.has("personalDetails") ? personalDetails : account.personalData();
            DocumentDetails documents = new DocumentDetails(
                    patch.has("certificateName") ? certificateName : account.documents().certificateName(),
                    patch.has("billingAddress") ? billingAddress : account.documents().billingAddress());
            Instant now = clock.instant();
            Account updated = account.withProfile(displayName, details, personal, documents, now);
            accounts.save(updated);
            List<String> changed = publishedChanges(account, updated);
            if (!changed.isEmpty()) {
                events.publish(profileUpdated(updated, changed, caller.id(), now));
            }
            if (!displayName.equals(account.displayName())) {
                // Keycloak's names feed the token's name claims; changed last, so its refusal rolls the rest back.
                String[] names = AccountService.splitName(displayName);
                keycloak.updateUser(account.userId(), Map.of("firstName", names[0], "lastName", names[1]));
            }
            return updated;
        });
        return view(saved);
    }

    public AvatarView uploadAvatar(CurrentUser caller, byte[] upload) {
        accounts.require(caller.id());
        AvatarImages.Encoded encoded = images.reencode(upload);
        Account saved = transaction.execute(status -> {
            Account account = accounts.lock(caller.id()).orElseThrow(() -> ApiException.notFound("The profile"));
            Instant now = clock.instant();
            Account updated = account.withNextAvatar(now);
            avatars.save(account.userId(), encoded.content(), encoded.contentType(), now);
            accounts.save(updated);
            events.publish(profileUpdated(updated, List.of("avatarUrl"), caller.id(), now));
            return updated;
        });
        return new AvatarView(avatarUrl(saved));
    }

    public AvatarRepository.StoredAvatar avatar(UUID userId) {
        return avatars.find(userId).orElseThrow(() -> ApiException.notFound("The avatar"));
    }

    /** Only instructors have a public profile; for anyone else the answer is the same 404 as for no user at all. */
    public InstructorProfileView instructorProfile(UUID userId) {
        Account account = accounts.find(userId)
                .filter(a -> a.enabled() && a.hasRole("instructor"))
                .orElseThrow(() -> ApiException.notFound("The instructor"));
        ProfileDetails profile = account.profile();
        return new InstructorProfileView(account.userId(), account.displayName(), profile.headline(), profile.bio(),
                profile.expertise(), profile.socialLinks(), profile.credentials(), avatarUrl(account));
    }

    /** Versioned, so a new picture gets a new URL and caches never show the old one. */
    public static String avatarUrl(Account account) {
        return account.avatarVersion() == null ? null
                : "/api/v1/users/" + account.userId() + "/avatar?v=" + account.avatarVersion();
    }

    private ProfileView view(Account account) {
        ProfileDetails profile = account.profile();
        PersonalData personal = account.personalData();
        return new ProfileView(account.userId(), account.email(), account.emailVerified(), account.displayName(),
                profile.headline(), profile.bio(), profile.learningPreferences(), profile.expertise(),
                profile.socialLinks(), profile.credentials(), avatarUrl(account), account.roles(),
                keycloak.hasOtp(account.userId()), account.instructorRequested(),
                personal.isEmpty() ? null : new PersonalDetailsView(personal.phone(), personal.dateOfBirth(), personal.address()),
                account.documentName(), account.documents().billingAddress());
    }

    /**
     * The whole published profile: replicas overwrite what they hold with it, so every event carries the document
     * details too (absent when not set, which clears them in the replicas).
     */
    private static UserProfileUpdated profileUpdated(Account account, List<String> changed, UUID actorId, Instant now) {
        return new UserProfileUpdated(account.userId(), account.displayName(), account.profile().headline(),
                avatarUrl(account), account.profile().expertise(), changed, actorId, now,
                account.documents().certificateName(), account.documents().billingAddress());
    }

    /**
     * Names of the published fields that changed; personal details are deliberately never named in an event (the
     * billing address is, because invoices need it, and it goes nowhere else).
     */
    private static List<String> publishedChanges(Account before, Account after) {
        List<String> changed = new ArrayList<>();
        ProfileDetails a = before.profile();
        ProfileDetails b = after.profile();
        add(changed, "displayName", before.displayName(), after.displayName());
        add(changed, "headline", a.headline(), b.headline());
        add(changed, "bio", a.bio(), b.bio());
        add(changed, "learningPreferences", a.learningPreferences(), b.learningPreferences());
        add(changed, "expertise", a.expertise(), b.expertise());
        add(changed, "socialLinks", a.socialLinks(), b.socialLinks());
        add(changed, "credentials", a.credentials(), b.credentials());
        add(changed, "certificateName", before.documents().certificateName(), after.documents().certificateName());
        add(changed, "billingAddress", before.documents().billingAddress(), after.documents().billingAddress());
        return changed;
    }

    private static void add(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static void rejectIfInvalid(ProfilePatch patch) {
        if (!patch.problems().isEmpty()) {
            throw new InvalidFieldsException(patch.problems());
        }
    }
}
