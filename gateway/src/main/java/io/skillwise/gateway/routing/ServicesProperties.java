package io.skillwise.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skillwise.gateway.services.<service>}: base URL of each service (scheme, host, port; no path, since paths
 * are forwarded unchanged), or a comma-separated list of them when the service runs as several instances; the
 * gateway then spreads its requests over the ready ones ({@link ServiceInstancesConfiguration}). Environment:
 * {@code SKILLWISE_GATEWAY_SERVICES_CATALOG=http://10.0.0.5:8082,http://10.0.0.6:8082}.
 */
@ConfigurationProperties("skillwise.gateway")
public record ServicesProperties(Map<String, List<URI>> services) {

    public ServicesProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /** Every instance of the service, in the configured order. */
    public List<URI> instancesOf(String service) {
        List<URI> instances = services.get(service);
        if (instances == null || instances.isEmpty()) {
            throw new IllegalStateException("skillwise.gateway.services." + service + " is not set");
        }
        return List.copyOf(instances);
    }

    /** The first instance: where the gateway fetches the service's OpenAPI document for the merged one. */
    public URI baseUrlOf(String service) {
        return instancesOf(service).getFirst();
    }

    /**
     * Where a route to the service points: the instance itself when there is one (no load balancer in the way),
     * otherwise {@code lb://<service>}, which Spring Cloud LoadBalancer resolves to one of the instances.
     */
    public URI routeTarget(String service) {
        List<URI> instances = instancesOf(service);
        return instances.size() == 1 ? instances.getFirst() : URI.create("lb://" + service);
    }
}
