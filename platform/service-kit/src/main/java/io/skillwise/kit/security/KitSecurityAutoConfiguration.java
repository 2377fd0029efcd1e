package io.skillwise.kit.security;

import io.skillwise.kit.web.Problems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Every service is an OAuth2 resource server for the Keycloak realm: stateless, tokens validated locally (signature
 * through the JWKS, issuer, an expiry that has not passed, audience, a known client, a session not ended by a
 * logout), realm roles as authorities, method security on, and 401/403 answered as problems. Routes take the tokens
 * of their kind of client ({@link ClientAccess}): {@code /internal/**} other services', everything else users';
 * only the routes a service lists in {@link PublicEndpoints} pass without a token, and metrics need a service token
 * or the management port.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@EnableConfigurationProperties({SecurityProperties.class, SecondFactorPolicy.Properties.class})
public class KitSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SessionDenylist sessionDenylist(StringRedisTemplate redis, SecurityProperties properties) {
        return new SessionDenylist(redis, properties.revocationFailOpen());
    }

    @Bean
    @ConditionalOnMissingBean
    ClientAccess clientAccess(SecurityProperties properties, Environment environment) {
        return new ClientAccess(properties, environment);
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties, ClientAccess clients, SessionDenylist denylist) {
        // The JWKS is fetched on first use, not at start-up, so a service starts while Keycloak is still booting.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(accessTokenValidator(properties, clients.knownClients(), denylist));
        return decoder;
    }

    /**
     * Issuer, not expired and not yet valid (60 s skew), and, which Spring leaves optional, an expiry at all; the API
     * audience; a client of the platform; a session that has not ended.
     */
    static OAuth2TokenValidator<Jwt> accessTokenValidator(SecurityProperties properties, List<String> clients,
                                                          SessionDenylist denylist) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<String>(ClientAccess.CLIENT_CLAIM, azp -> azp != null && clients.contains(azp)),
                notRevoked(denylist));
    }

    private static OAuth2TokenValidator<Jwt> notRevoked(SessionDenylist denylist) {
        return jwt -> {
            try {
                return denylist.isRevoked(jwt.getClaimAsString(SessionDenylist.SESSION_CLAIM))
                        ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The session has ended.",
                                null))
                        : OAuth2TokenValidatorResult.success();
            } catch (SessionDenylist.UnavailableException e) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The session could not be checked.", null));
            }
        };
    }

    /**
     * Spring Security would wrap each filter of its chain, the authentication and the authorization of every request
     * in observations of their own (spans and timers no dashboard or alert reads): about an eighth of a catalog
     * request's CPU in a profile (docs/benchmarks.md). The request's own {@code http.server.requests} observation
     * stays, with its span, its trace propagation and its outcome; a service that wants the security spans back
     * declares its own settings bean.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    SecondFactorPolicy secondFactorPolicy(SecondFactorPolicy.Properties properties) {
        return new SecondFactorPolicy(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.none();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurity(HttpSecurity http, JwtDecoder decoder, PublicEndpoints publicEndpoints,
                                        ClientAccess clients, JsonMapper json) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/prometheus").access(clients.metrics());
                    requests.requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/error")
                            .permitAll();
                    requests.requestMatchers("/internal/**").access(clients.service());
                    for (PublicEndpoints.Endpoint endpoint : publicEndpoints.endpoints()) {
                        requests.requestMatchers(endpoint.method(), endpoint.pattern())
                                .access(clients.anonymousOrUser());
                    }
                    requests.anyRequest().access(clients.user());
                })
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new KeycloakRoles()))
                        .authenticationEntryPoint((request, response, e) -> Problems.write(request, response, json,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "A valid access token is required."))
                        .accessDeniedHandler((request, response, e) -> Problems.write(request, response, json,
                                HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> Problems.write(request, response, json,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "A valid access token is required."))
                        .accessDeniedHandler((request, response, e) -> Problems.write(request, response, json,
                                HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.")));
        return http.build();
    }
}
