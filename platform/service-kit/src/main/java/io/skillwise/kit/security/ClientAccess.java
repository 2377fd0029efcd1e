package io.skillwise.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.List;
import java.util.Set;

/**
 * Which client's tokens a route takes, from the token's {@code azp} (the Keycloak client it was issued to): user
 * routes take the apps' tokens only, {@code /internal/**} the other services' client-credentials tokens only, so a
 * leaked service token cannot act as a user and a user token cannot reach what only services may call. A token of
 * another client is refused with 403; one of a client the platform does not know never validates (401).
 */
final class ClientAccess {

    static final String CLIENT_CLAIM = "azp";

    private final Set<String> appClients;
    private final Set<String> serviceClients;
    private final Environment environment;

    ClientAccess(SecurityProperties properties, Environment environment) {
        this.appClients = Set.copyOf(properties.appClients());
        this.serviceClients = Set.copyOf(properties.serviceClients());
        this.environment = environment;
    }

    /** Every client whose tokens the service validates at all. */
    List<String> knownClients() {
        return java.util.stream.Stream.concat(appClients.stream(), serviceClients.stream()).toList();
    }

    /** A user's token. */
    AuthorizationManager<RequestAuthorizationContext> user() {
        return (authentication, context) -> decision(clientOf(authentication.get()), appClients);
    }

    /** Another service's token. */
    AuthorizationManager<RequestAuthorizationContext> service() {
        return (authentication, context) -> decision(clientOf(authentication.get()), serviceClients);
    }

    /** No token, or a user's: a public route is for people, not for other services' accounts. */
    AuthorizationManager<RequestAuthorizationContext> anonymousOrUser() {
        return (authentication, context) -> {
            String client = clientOf(authentication.get());
            return new AuthorizationDecision(client == null || appClients.contains(client));
        };
    }

    /**
     * Metrics: anything that reaches the management port (when {@code management.server.port} gives actuator a port
     * of its own, which only the monitoring network reaches), otherwise another service's token.
     */
    AuthorizationManager<RequestAuthorizationContext> metrics() {
        return (authentication, context) -> onManagementPort(context.getRequest())
                ? new AuthorizationDecision(true) : decision(clientOf(authentication.get()), serviceClients);
    }

    private boolean onManagementPort(HttpServletRequest request) {
        Integer port = environment.getProperty("local.management.port", Integer.class,
                environment.getProperty("management.server.port", Integer.class));
        Integer serverPort = environment.getProperty("local.server.port", Integer.class,
                environment.getProperty("server.port", Integer.class));
        return port != null && port > 0 && !port.equals(serverPort) && request.getLocalPort() == port;
    }

    private static AuthorizationResult decision(String client, Set<String> allowed) {
        return new AuthorizationDecision(client != null && allowed.contains(client));
    }

    private static String clientOf(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken token
                ? token.getToken().getClaimAsString(CLIENT_CLAIM) : null;
    }
}
