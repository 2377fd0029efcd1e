package io.skillwise.gateway.routing;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skillwise.gateway.services.<service>}: base URL of each service (scheme, host, port; no path,
 * since paths are forwarded unchanged). Environment: {@code SKILLWISE_GATEWAY_SERVICES_CATALOG=...}.
 */
@ConfigurationProperties("skillwise.gateway")
public record ServicesProperties(Map<String, URI> services) {

    public ServicesProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    public URI baseUrlOf(String service) {
        URI uri = services.get(service);
        if (uri == null) {
            throw new IllegalStateException("skillwise.gateway.services." + service + " is not set");
        }
        return uri;
    }
}
