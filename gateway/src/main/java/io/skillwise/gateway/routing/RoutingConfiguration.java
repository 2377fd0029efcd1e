package io.skillwise.gateway.routing;

import java.net.URI;

import io.skillwise.gateway.routing.ServiceRoutes.ServiceRoute;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the routes of {@link ServiceRoutes}, then one route per service for its OpenAPI document. Every route
 * gets the service's circuit breaker (which carries the time limit) and keeps the caller's {@code Host}, so a
 * service builds {@code Location} headers and OpenAPI server URLs that point at the gateway, not at itself.
 * A service with several instances is routed to {@code lb://<service>}, spread over its ready instances.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ServiceInstancesConfiguration.class)
class RoutingConfiguration {

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, ServicesProperties services) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        int order = 0;
        for (ServiceRoute route : ServiceRoutes.ORDERED) {
            URI target = services.routeTarget(route.service());
            int position = order++;
            routes.route(route.id(), r -> r.order(position)
                    .path(false, route.paths().toArray(String[]::new))
                    .filters(f -> f.preserveHostHeader()
                            .circuitBreaker(c -> c.setName(route.circuitBreakerName())))
                    .metadata(ServiceRoutes.SERVICE_METADATA, route.service())
                    .uri(target));
        }
        for (String service : ServiceRoutes.SERVICES) {
            URI target = services.routeTarget(service);
            int position = order++;
            // Exact path and a fixed rewrite: nothing a caller adds can reach another path of the service.
            routes.route(service + "-api-docs", r -> r.order(position)
                    .path(false, ServiceRoutes.apiDocsPath(service))
                    .filters(f -> f.setPath("/v3/api-docs")
                            .preserveHostHeader()
                            .circuitBreaker(c -> c.setName(service)))
                    .metadata(ServiceRoutes.SERVICE_METADATA, service)
                    .uri(target));
        }
        return routes.build();
    }
}
