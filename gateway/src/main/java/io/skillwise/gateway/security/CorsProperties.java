package io.skillwise.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skillwise.gateway.cors.*}: the browser origins allowed to call the API
 * (environment: {@code SKILLWISE_GATEWAY_CORS_ALLOWED_ORIGINS=https://app.example,https://admin.example}).
 *
 * @param allowedOrigins exact origins (scheme, host, port)
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("skillwise.gateway.cors")
public record CorsProperties(List<String> allowedOrigins, Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
    }
}
