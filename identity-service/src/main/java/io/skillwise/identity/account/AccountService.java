package io.skillwise.identity.account;

import io.skillwise.events.identity.UserRegistered;
import io.skillwise.identity.account.AccountRequests.RegisterRequest;
import io.skillwise.identity.account.AccountRequests.RegisteredView;
import io.skillwise.identity.account.AccountTokenRepository.Purpose;
import io.skillwise.identity.keycloak.KeycloakAdminClient;
import io.skillwise.identity.keycloak.KeycloakException;
import io.skillwise.identity.keycloak.KeycloakUser;
import io.skillwise.identity.session.SessionService;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Registration, email verification and password reset. Keycloak holds the credentials; each use case that changes
 * both Keycloak and this database orders the steps so that a failure leaves neither half-done: Keycloak changes
 * happen inside the database transaction (a Keycloak refusal rolls it back), and a registration whose later steps
 * fail deletes the Keycloak user it created.
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final KeycloakAdminClient keycloak;
    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final AccountMailer mailer;
    private final EventPublisher events;
    private final SessionService sessions;
    private final AccountProperties properties;
    private final TransactionTemplate transaction;
    private final TaskExecutor background;
    private final Clock clock;

    public AccountService(KeycloakAdminClient keycloak, AccountRepository accounts, AccountTokenRepository tokens,
                          AccountMailer mailer, EventPublisher events, SessionService sessions,
                          AccountProperties properties, TransactionTemplate transaction,
                          @Qualifier("applicationTaskExecutor") TaskExecutor background, Clock clock) {
        this.keycloak = keycloak;
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.events = events;
        this.sessions = sessions;
        this.properties = properties;
        this.transaction = transaction;
        this.background = background;
        this.clock = clock;
    }

    public RegisteredView register(RegisterRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        String displayName = request.displayName().strip();
        boolean wantsToTeach = "instructor".equals(request.role());
        List<String> roles = new ArrayList<>(List.of("student"));
        if (wantsToTeach && !properties.instructorApproval()) {
            roles.add("instructor");
        }
        boolean instructorRequested = wantsToTeach && properties.instructorApproval();
        if (accounts.findByEmail(email).isPresent()) {
            throw ApiException.conflict("An account with this email address exists already.");
        }
        String[] names = splitName(displayName);
        UUID userId;
        try {
            userId = keycloak.createUser(email, names[0], names[1]);
        } catch (KeycloakException e) {
            if (e.isConflict()) {
                throw ApiException.conflict("An account with this email address exists already.");
            }
            if (e.isBadRequest()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-account", e.reason());
            }
            throw e;
        }
        try {
            try {
                keycloak.resetPassword(userId, request.password());
            } catch (KeycloakException e) {
                if (e.isBadRequest()) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, "weak-password", e.reason());
                }
                throw e;
            }
            keycloak.addRealmRoles(userId, roles);
            Instant now = clock.instant();
            // The mail goes out inside the transaction: if SMTP refuses it, nothing is committed and the Keycloak
            // user is removed below, so the person can simply register again.
            transaction.executeWithoutResult(status -> {
                accounts.insert(Account.registered(userId, email, displayName, roles, instructorRequested, now));
                String token = tokens.issue(userId, Purpose.VERIFY_EMAIL, now, now.plus(properties.verificationTtl()));
                events.publish(new UserRegistered(userId, email, displayName, AccountEvents.roles(roles),
                        instructorRequested, now));
                mailer.sendVerification(email, displayName, token);
            });
        } catch (RuntimeException e) {
            try {
                keycloak.deleteUser(userId);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
                log.error("Registration of user {} failed and its Keycloak user could not be removed", userId, cleanup);
            }
            if (e instanceof MailException) {
                log.warn("Registration refused: the verification mail could not be sent", e);
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "mail-unavailable",
                        "The confirmation mail cannot be sent right now, so no account was created. Please try again"
                                + " in a few minutes.");
            }
            throw e;
        }
        return new RegisteredView(userId, email, false, roles, instructorRequested);
    }

    public void verifyEmail(String token) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            UUID userId = tokens.consume(token, Purpose.VERIFY_EMAIL, now).orElseThrow(AccountService::invalidToken);
            Account account = accounts.lockById(userId).orElseThrow(AccountService::invalidToken);
            keycloak.updateUser(userId, Map.of("emailVerified", true));
            accounts.update(account.verified(now));
        });
    }

    /**
     * Always returns at once: the lookup and the mail run in the background, so neither the answer nor its timing
     * tells whether the address has an account.
     */
    public void requestPasswordReset(String email) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        background.execute(() -> {
            try {
                sendPasswordReset(normalized);
            } catch (RuntimeException e) {
                log.warn("Could not send a password reset mail", e);
            }
        });
    }

    /** Mails a fresh verification link (older ones stop working); like the reset request, it answers the same always. */
    public void resendVerification(String email) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        background.execute(() -> {
            try {
                accounts.findByEmail(normalized).filter(account -> account.enabled() && !account.emailVerified())
                        .ifPresent(account -> {
                            Instant now = clock.instant();
                            String token = transaction.execute(status -> {
                                tokens.retireAll(account.userId(), Purpose.VERIFY_EMAIL, now);
                                return tokens.issue(account.userId(), Purpose.VERIFY_EMAIL, now,
                                        now.plus(properties.verificationTtl()));
                            });
                            mailer.sendVerification(account.email(), account.displayName(), token);
                        });
            } catch (RuntimeException e) {
                log.warn("Could not send a verification mail", e);
            }
        });
    }

    private void sendPasswordReset(String email) {
        Optional<Account> found = accounts.findByEmail(email)
                .or(() -> keycloak.findByEmail(email).map(this::importAccount));
        if (found.isEmpty() || !found.get().enabled()) {
            return;
        }
        Account account = found.get();
        Instant now = clock.instant();
        String token = transaction.execute(status ->
                tokens.issue(account.userId(), Purpose.RESET_PASSWORD, now, now.plus(properties.resetTtl())));
        mailer.sendPasswordReset(account.email(), account.displayName(), token);
    }

    public void confirmPasswordReset(String token, String newPassword) {
        UUID userId = transaction.execute(status -> {
            Instant now = clock.instant();
            UUID owner = tokens.consume(token, Purpose.RESET_PASSWORD, now).orElseThrow(AccountService::invalidToken);
            try {
                keycloak.resetPassword(owner, newPassword);
            } catch (KeycloakException e) {
                if (e.isBadRequest()) {
                    // rolls back the consumption: the link still works with a better password
                    throw new ApiException(HttpStatus.BAD_REQUEST, "weak-password", e.reason());
                }
                throw e;
            }
            tokens.retireAll(owner, Purpose.RESET_PASSWORD, now);
            return owner;
        });
        // Whoever knew the old password must not stay signed in.
        sessions.endAllSessions(userId);
    }

    /**
     * The account of a Keycloak user, created from Keycloak on first sight for users that did not register through
     * identity-service (the realm's seeded admin).
     */
    public Account require(UUID userId) {
        return accounts.findById(userId)
                .or(() -> keycloak.findUser(userId).map(this::importAccount))
                .orElseThrow(() -> ApiException.notFound("The user"));
    }

    private Account importAccount(KeycloakUser user) {
        List<String> roles = keycloak.realmRoles(user.id()).stream().filter(AccountEvents.PLATFORM_ROLES::contains).toList();
        String displayName = (Optional.ofNullable(user.firstName()).orElse("") + " "
                + Optional.ofNullable(user.lastName()).orElse("")).strip();
        Instant now = clock.instant();
        Account account = new Account(user.id(), user.email(), displayName.isEmpty() ? user.email() : displayName,
                roles, user.enabled(), user.emailVerified(), false, null, null, null, null, now, now);
        transaction.executeWithoutResult(status -> {
            if (accounts.findById(user.id()).isEmpty()) {
                accounts.insert(account);
            }
        });
        return accounts.findById(user.id()).orElse(account);
    }

    /** The account, if identity-service has one (no import from Keycloak). */
    public Optional<Account> find(UUID userId) {
        return accounts.findById(userId);
    }

    /** The account, locked until the caller's transaction ends, for a change that must not interleave with another. */
    public Optional<Account> lock(UUID userId) {
        return accounts.lockById(userId);
    }

    /** Stores a changed account, inside the caller's transaction (which also publishes what changed). */
    public void save(Account changed) {
        accounts.update(changed);
    }

    /** Removes the account, inside the caller's transaction. */
    public void delete(UUID userId) {
        accounts.delete(userId);
    }

    /** One page of the accounts an admin's search finds. */
    public PageView<Account> search(AccountSearch search, int page, int size) {
        return accounts.search(search, page, size);
    }

    /** What an admin's search can sort by. */
    public Set<String> sortFields() {
        return AccountRepository.SORTABLE.keySet();
    }

    /**
     * Keycloak wants a first and a last name (without both, the password grant answers "Account is not fully set
     * up"); the display name stays whole in identity's database. The last word is the last name; a one-word name
     * is used for both.
     */
    public static String[] splitName(String displayName) {
        String name = displayName.strip();
        int space = name.lastIndexOf(' ');
        if (space < 0) {
            return new String[] {name, name};
        }
        return new String[] {name.substring(0, space).strip(), name.substring(space + 1)};
    }

    private static ApiException invalidToken() {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-token", "The link is invalid, was used already or has expired.");
    }
}
