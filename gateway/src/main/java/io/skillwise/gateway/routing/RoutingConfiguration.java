package io.skillwise.gateway.routing;

import java.net.URI;
import java.util.List;

import io.skillwise.gateway.resilience.ResilienceProperties;
import io.skillwise.gateway.routing.ServiceRoutes.ServiceRoute;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.filter.headers.ForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.accept.ApiVersionStrategy;

/**
 * Builds the routes of {@link ServiceRoutes}, then one route per service for its OpenAPI document. Every route
 * gets the service's circuit breaker and its time limit (the HTTP client's response timeout, longer for uploads: a
 * timeout is a 504 and counts as a failure of the service) and keeps the caller's {@code Host}, so a
 * service builds {@code Location} headers and OpenAPI server URLs that point at the gateway, not at itself.
 * A service with several instances is routed to {@code lb://<service>}, spread over its ready instances.
 * The proxy itself is Spring Cloud Gateway's, with the header handling of {@link ProxyHeadersFilter} and the route
 * lookup of {@link FixedRoutesHandlerMapping}.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ServiceInstancesConfiguration.class)
class RoutingConfiguration {

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, ServicesProperties services, ResilienceProperties limits) {
        long responseMillis = limits.responseTimeout().toMillis();
        long uploadMillis = limits.uploadTimeout().toMillis();
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
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, route.upload() ? uploadMillis : responseMillis)
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
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, responseMillis)
                    .uri(target));
        }
        return routes.build();
    }

    /** Spring Cloud Gateway's default header filters make way for {@link ProxyHeadersFilter}. */
    @Bean
    static WithoutDefaultHeaderFilters withoutDefaultHeaderFilters() {
        return new WithoutDefaultHeaderFilters();
    }

    /**
     * Spring Cloud Gateway registers its forwarded-header filters only when trusted proxies are configured
     * ({@code spring.cloud.gateway.server.webflux.trusted-proxies}); otherwise a caller's such headers are dropped.
     */
    @Bean
    ProxyHeadersFilter headersToService(ObjectProvider<XForwardedHeadersFilter> xForwarded,
            ObjectProvider<ForwardedHeadersFilter> forwarded) {
        return new ProxyHeadersFilter(HttpHeadersFilter.Type.REQUEST, xForwarded.getIfAvailable() == null,
                forwarded.getIfAvailable() == null);
    }

    @Bean
    ProxyHeadersFilter headersToCaller() {
        return new ProxyHeadersFilter(HttpHeadersFilter.Type.RESPONSE, false, false);
    }

    /** In place of Spring Cloud Gateway's own (it steps back for a bean of this type). */
    @Bean
    FixedRoutesHandlerMapping fixedRoutesHandlerMapping(FilteringWebHandler webHandler, RouteLocator routeLocator,
            GlobalCorsProperties globalCorsProperties, Environment environment,
            ObjectProvider<ApiVersionStrategy> apiVersionStrategy) {
        FixedRoutesHandlerMapping mapping =
                new FixedRoutesHandlerMapping(webHandler, routeLocator, globalCorsProperties, environment);
        apiVersionStrategy.ifAvailable(mapping::setApiVersionStrategy);
        return mapping;
    }
}
