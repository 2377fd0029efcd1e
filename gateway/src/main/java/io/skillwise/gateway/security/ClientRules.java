package io.skillwise.gateway.security;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;

import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * Which client's tokens the gateway takes, from the token's {@code azp}: the API is for the apps' users, so a
 * client-credentials token of another service (payment, notification), valid as it is, is refused (403) on every
 * routed path; it is taken only for {@code /actuator/prometheus}. The services apply the same rule themselves.
 */
final class ClientRules {

    static final String CLIENT_CLAIM = "azp";

    private static final AuthorizationResult GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationResult DENIED = new AuthorizationDecision(false);

    private final Set<String> appClients;
    private final Set<String> serviceClients;
    private final Environment environment;

    ClientRules(SecurityProperties properties, Environment environment) {
        this.appClients = Set.copyOf(properties.appClients());
        this.serviceClients = Set.copyOf(properties.serviceClients());
        this.environment = environment;
    }

    /** Every client whose tokens validate at all; any other {@code azp} is a 401. */
    List<String> knownClients() {
        return Stream.concat(appClients.stream(), serviceClients.stream()).toList();
    }

    /** Public paths: no token, or a user's. */
    ReactiveAuthorizationManager<AuthorizationContext> anonymousOrUser() {
        return (authentication, context) -> authentication
                .map(token -> clientOf(token) == null || isIn(token, appClients) ? GRANTED : DENIED)
                .defaultIfEmpty(GRANTED);
    }

    /** A user's token. */
    ReactiveAuthorizationManager<AuthorizationContext> user() {
        return (authentication, context) -> authentication
                .map(token -> isIn(token, appClients) ? GRANTED : DENIED)
                .defaultIfEmpty(DENIED);
    }

    /** A user's token with the realm role. */
    ReactiveAuthorizationManager<AuthorizationContext> userWithRole(String role) {
        ReactiveAuthorizationManager<AuthorizationContext> hasRole =
                AuthorityReactiveAuthorizationManager.hasRole(role);
        ReactiveAuthorizationManager<AuthorizationContext> user = user();
        return (authentication, context) -> user.authorize(authentication, context)
                .flatMap(decision -> decision.isGranted() ? hasRole.authorize(authentication, context)
                        : Mono.just(DENIED));
    }

    /** Another service's token, or anything on the management port (when actuator has a port of its own). */
    ReactiveAuthorizationManager<AuthorizationContext> metrics() {
        return (authentication, context) -> onManagementPort(context) ? Mono.just(GRANTED) : authentication
                .map(token -> isIn(token, serviceClients) ? GRANTED : DENIED)
                .defaultIfEmpty(DENIED);
    }

    private boolean onManagementPort(AuthorizationContext context) {
        Integer port = environment.getProperty("local.management.port", Integer.class,
                environment.getProperty("management.server.port", Integer.class));
        InetSocketAddress local = context.getExchange().getRequest().getLocalAddress();
        return port != null && port > 0 && local != null && local.getPort() == port
                && !port.equals(environment.getProperty("local.server.port", Integer.class));
    }

    /** A validated token of one of these clients. */
    private static boolean isIn(Authentication authentication, Set<String> clients) {
        String client = clientOf(authentication);
        return client != null && authentication.isAuthenticated() && clients.contains(client);
    }

    private static String clientOf(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken token
                ? token.getToken().getClaimAsString(CLIENT_CLAIM) : null;
    }
}
