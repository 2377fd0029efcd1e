package io.skillwise.kit.security;

import io.skillwise.kit.web.Problems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;

/**
 * Every service is an OAuth2 resource server for the Keycloak realm: stateless, tokens validated locally
 * (signature through the JWKS, issuer, expiry, audience), realm roles as authorities, method security on, and
 * 401/403 answered as problems. Only the routes a service lists in {@link PublicEndpoints} pass without a token.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@EnableConfigurationProperties({SecurityProperties.class, SecondFactorPolicy.Properties.class})
public class KitSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        // The JWKS is fetched on first use, not at start-up, so a service starts while Keycloak is still booting.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        JwtClaimValidator<Collection<String>> audience = new JwtClaimValidator<>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience));
        return decoder;
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
                                        JsonMapper json) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                            "/v3/api-docs/**", "/error").permitAll();
                    for (PublicEndpoints.Endpoint endpoint : publicEndpoints.endpoints()) {
                        requests.requestMatchers(endpoint.method(), endpoint.pattern()).permitAll();
                    }
                    requests.anyRequest().authenticated();
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
