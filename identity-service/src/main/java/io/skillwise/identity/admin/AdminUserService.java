package io.skillwise.identity.admin;

import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserRolesChanged;
import io.skillwise.identity.account.Account;
import io.skillwise.identity.account.AccountEvents;
import io.skillwise.identity.account.AccountSearch;
import io.skillwise.identity.account.AccountService;
import io.skillwise.identity.account.InvalidFieldsException;
import io.skillwise.identity.admin.AdminViews.UserView;
import io.skillwise.identity.keycloak.KeycloakAdminClient;
import io.skillwise.identity.profile.ProfileService;
import io.skillwise.identity.session.SessionService;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.ApiExceptionHandler.FieldProblem;
import io.skillwise.kit.web.PageView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Admin user management. Keycloak stays the authority for roles and the enabled flag (it puts them in tokens and
 * refuses disabled users); each change is made there inside the transaction that updates identity's copy and
 * writes the event, so a Keycloak refusal leaves both unchanged.
 */
@Service
public class AdminUserService {

    private static final Set<String> STATUSES = Set.of("enabled", "disabled", "unverified", "instructor-requested");

    private final AccountService accounts;
    private final KeycloakAdminClient keycloak;
    private final SessionService sessions;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public AdminUserService(AccountService accounts, KeycloakAdminClient keycloak, SessionService sessions,
                            EventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.sessions = sessions;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @param sort {@code field,asc|desc} with field createdAt (default, newest first), email or displayName */
    public PageView<UserView> search(String search, String role, String status, String sort, int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        String sortField = "createdAt";
        boolean descending = true;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", -1);
            sortField = parts[0].strip();
            descending = parts.length > 1 && parts[1].strip().equalsIgnoreCase("desc");
            if (!accounts.sortFields().contains(sortField) || parts.length > 2
                    || (parts.length == 2 && !parts[1].strip().matches("(?i)asc|desc"))) {
                problems.add(new FieldProblem("sort", "must be field,asc|desc with field one of "
                        + accounts.sortFields()));
            }
        }
        if (role != null && !role.isBlank() && !AccountEvents.PLATFORM_ROLES.contains(role)) {
            problems.add(new FieldProblem("role", "must be one of " + AccountEvents.PLATFORM_ROLES));
        }
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            problems.add(new FieldProblem("status", "must be one of " + STATUSES));
        }
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > 100) {
            problems.add(new FieldProblem("size", "must be between 1 and 100"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        PageView.check(page, size);
        return accounts.search(new AccountSearch(search, role, status, sortField, descending), page, size)
                .map(account -> view(account, null));
    }

    public UserView get(UUID userId) {
        Account account = accounts.require(userId);
        return view(account, keycloak.hasOtp(userId));
    }

    /** {@code {roles?: [...], enabled?: bool}}; anything else is refused by name. */
    public UserView update(CurrentUser admin, UUID userId, JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidFieldsException(List.of(new FieldProblem("body", "must be a JSON object")));
        }
        for (String field : body.propertyNames()) {
            if (!field.equals("roles") && !field.equals("enabled")) {
                problems.add(new FieldProblem(field, "cannot be changed here (only roles and enabled)"));
            }
        }
        List<String> roles = null;
        if (body.has("roles")) {
            JsonNode node = body.get("roles");
            roles = new ArrayList<>();
            if (!node.isArray() || node.isEmpty()) {
                problems.add(new FieldProblem("roles", "must be a non-empty list of " + AccountEvents.PLATFORM_ROLES));
            } else {
                for (JsonNode role : node) {
                    if (!role.isString() || !AccountEvents.PLATFORM_ROLES.contains(role.asString())) {
                        problems.add(new FieldProblem("roles", "must only contain " + AccountEvents.PLATFORM_ROLES));
                    } else if (!roles.contains(role.asString())) {
                        roles.add(role.asString());
                    }
                }
            }
        }
        Boolean enabled = null;
        if (body.has("enabled")) {
            if (!body.get("enabled").isBoolean()) {
                problems.add(new FieldProblem("enabled", "must be true or false"));
            } else {
                enabled = body.get("enabled").asBoolean();
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        if (admin.id().equals(userId) && ((roles != null && !roles.contains("admin")) || Boolean.FALSE.equals(enabled))) {
            throw ApiException.conflict("Admins cannot remove their own admin role or disable themselves.");
        }
        accounts.require(userId);
        List<String> newRoles = roles;
        Boolean newEnabled = enabled;
        Account saved = transaction.execute(status -> {
            Account account = accounts.lock(userId).orElseThrow(() -> ApiException.notFound("The user"));
            Instant now = clock.instant();
            Account updated = account;
            if (newRoles != null) {
                List<String> current = keycloak.realmRoles(userId).stream()
                        .filter(AccountEvents.PLATFORM_ROLES::contains).toList();
                List<String> toAdd = newRoles.stream().filter(role -> !current.contains(role)).toList();
                List<String> toRemove = current.stream().filter(role -> !newRoles.contains(role)).toList();
                updated = updated.withRoles(sorted(newRoles), now);
                if (!toAdd.isEmpty() || !toRemove.isEmpty()) {
                    keycloak.addRealmRoles(userId, toAdd);
                    keycloak.removeRealmRoles(userId, toRemove);
                    events.publish(new UserRolesChanged(userId, AccountEvents.roles(newRoles),
                            AccountEvents.roles(current), admin.id(), now));
                }
            }
            if (newEnabled != null && newEnabled != account.enabled()) {
                updated = updated.withEnabled(newEnabled, now);
                keycloak.updateUser(userId, Map.of("enabled", newEnabled));
            }
            accounts.save(updated);
            return updated;
        });
        if (Boolean.FALSE.equals(enabled)) {
            // Keycloak refuses new logins and refreshes of a disabled user; the denylist stops its live access tokens.
            sessions.endAllSessions(userId);
        }
        return view(saved, null);
    }

    /** Deletes the account everywhere; other services anonymise what they hold when they see UserDeactivated. */
    public void delete(CurrentUser admin, UUID userId) {
        if (admin.id().equals(userId)) {
            throw ApiException.conflict("Admins cannot delete their own account here.");
        }
        accounts.require(userId);
        sessions.endAllSessions(userId);
        transaction.executeWithoutResult(status -> {
            accounts.lock(userId).orElseThrow(() -> ApiException.notFound("The user"));
            accounts.delete(userId);
            events.publish(new UserDeactivated(userId, admin.id(), clock.instant()));
            keycloak.deleteUser(userId);
        });
    }

    private static List<String> sorted(List<String> roles) {
        return AccountEvents.PLATFORM_ROLES.stream().filter(roles::contains).toList();
    }

    private static UserView view(Account account, Boolean mfaEnabled) {
        return new UserView(account.userId(), account.email(), account.displayName(), account.roles(), account.enabled(),
                account.emailVerified(), account.instructorRequested(), mfaEnabled, ProfileService.avatarUrl(account),
                account.createdAt(), account.updatedAt());
    }
}
