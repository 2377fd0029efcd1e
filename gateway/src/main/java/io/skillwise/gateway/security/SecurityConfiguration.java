package io.skillwise.gateway.security;

import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import io.skillwise.gateway.problem.ProblemWriter;
import io.skillwise.gateway.web.RequestIdFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * A stateless resource server: every bearer token is validated (signature through the JWKS, issuer,
 * audience, expiry, a known client, session not revoked), {@link PublicEndpoints} pass without one,
 * {@code /api/v1/admin/**} needs the admin role, everything else needs a valid token, and the API takes users'
 * tokens only ({@link ClientRules}). The Authorization header travels on unchanged; the services validate it again.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /** Tried first: anonymous reads of public paths need no more than CORS (see the class for why). */
    @Bean
    @Order(1)
    SecurityWebFilterChain anonymousPublicReads(CorsConfigurationSource corsConfigurationSource, ProblemWriter problems) {
        return new AnonymousPublicRequests(new CorsChecks(corsConfigurationSource, problems));
    }

    /**
     * Spring Security would otherwise wrap every filter of its chain in an observation; switched off by
     * {@code management.observations.enable.spring.security} they still cost a wrapper and a look-up per filter and
     * request. {@code http_server_requests} covers every request.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall with its default rules, checking header and parameter characters with a loop
     * rather than a regular expression per header read ({@link FirewallCharacters}).
     */
    @Bean
    ServerWebExchangeFirewall strictFirewall() {
        return FirewallCharacters.strictFirewall();
    }

    @Bean
    ClientRules clientRules(SecurityProperties properties, Environment environment) {
        return new ClientRules(properties, environment);
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
            CorsConfigurationSource corsConfigurationSource, ProblemWriter problems, ClientRules clients) {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);
        JwtAuthenticationConverter jwtToAuthentication = new JwtAuthenticationConverter();
        jwtToAuthentication.setJwtGrantedAuthoritiesConverter(new RealmRolesConverter());
        jwtToAuthentication.setPrincipalClaimName(JwtClaimNames.SUB);

        return http
                // Bearer tokens only: no cookies, so no CSRF; no sessions, no saved requests, no login pages.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // Written by SecurityHeadersFilter, which also covers proxied responses and the Swagger UI exception.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                // CORS by CorsChecks (a refusal is a problem, not an empty 403), where Spring Security's own would be
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .addFilterAt(new CorsChecks(corsConfigurationSource, problems), SecurityWebFiltersOrder.CORS)
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(PublicEndpoints.METRICS).access(clients.metrics());
                    exchanges.pathMatchers(PublicEndpoints.ADMIN_PATHS).access(clients.userWithRole("admin"));
                    exchanges.pathMatchers(HttpMethod.POST, PublicEndpoints.LOGOUT).access(clients.user());
                    for (PublicEndpoints.Rule rule : PublicEndpoints.RULES) {
                        String[] paths = rule.paths().toArray(String[]::new);
                        exchanges.pathMatchers(rule.method(), paths).access(clients.anonymousOrUser());
                        if (rule.method() == HttpMethod.GET) {
                            exchanges.pathMatchers(HttpMethod.HEAD, paths).access(clients.anonymousOrUser());
                        }
                    }
                    exchanges.anyExchange().access(clients.user());
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(jwtToAuthentication)))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .build();
    }

    /** One decoder for the life of the process: it holds the JWKS cache. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties, RevokedSessions revokedSessions, ClientRules clients) {
        JwkSetCache keys = new JwkSetCache(properties.jwkSetUri(), properties.jwksCacheTtl(),
                properties.jwksMinRefreshInterval());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        new JWSVerificationKeySelector<>(JwkSetCache.ALGORITHMS, new JWKSecurityContextJWKSet())))
                .build();
        decoder.setJwtValidator(accessTokenValidator(properties, clients.knownClients()));
        return new RevocationCheckingJwtDecoder(decoder, revokedSessions);
    }

    /**
     * Type ({@code JWT} or none), not expired or not yet valid (60 s skew), issuer, audience, an expiry at all, and a
     * client of the platform.
     */
    static OAuth2TokenValidator<Jwt> accessTokenValidator(SecurityProperties properties, List<String> clients) {
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<String>(ClientRules.CLIENT_CLAIM, azp -> azp != null && clients.contains(azp))));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
                RequestIdFilter.HEADER, "Idempotency-Key"));
        cors.setExposedHeaders(List.of(RequestIdFilter.HEADER, "Retry-After", "Location", "Content-Disposition",
                "WWW-Authenticate"));
        // Tokens travel in the Authorization header, never in cookies.
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
