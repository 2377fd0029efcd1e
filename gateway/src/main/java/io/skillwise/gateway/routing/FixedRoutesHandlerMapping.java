package io.skillwise.gateway.routing;

import java.util.List;

import org.reactivestreams.Publisher;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's route lookup, answered without Reactor operators when it can be: the same routes in the
 * same order, the first whose predicate holds wins. Spring Cloud Gateway reads its cached routes anew on every request
 * ({@code CacheFlux} over the route signals) and tests them through {@code filterWhen} and {@code next}, whose
 * cancellation after the match walks the subscriber chain for discard hooks; the routes here are fixed at startup and
 * their path predicates answer at once ({@code Mono.just}).
 * <p>
 * The list is taken whenever Spring Cloud Gateway has (re)built its route cache. A predicate that answers
 * asynchronously, or a lookup before the first list, goes the reactive way of the superclass.
 */
class FixedRoutesHandlerMapping extends RoutePredicateHandlerMapping
        implements ApplicationListener<RefreshRoutesResultEvent> {

    private final RouteLocator routeLocator;
    private volatile List<Route> routes;

    FixedRoutesHandlerMapping(FilteringWebHandler webHandler, RouteLocator routeLocator,
            GlobalCorsProperties globalCorsProperties, Environment environment) {
        super(webHandler, routeLocator, globalCorsProperties, environment);
        this.routeLocator = routeLocator;
    }

    @Override
    public void onApplicationEvent(RefreshRoutesResultEvent event) {
        // a failed refresh leaves Spring Cloud Gateway's cache, and so this list, as it was
        if (event.isSuccess()) {
            routeLocator.getRoutes().collectList().subscribe(list -> routes = List.copyOf(list));
        }
    }

    /** Whether the routes are known, so lookups take the direct way. */
    boolean hasRoutes() {
        return routes != null;
    }

    @Override
    protected Mono<Route> lookupRoute(ServerWebExchange exchange) {
        List<Route> known = routes;
        if (known == null) {
            return super.lookupRoute(exchange);
        }
        for (Route route : known) {
            // as the superclass does: a predicate may want to know which route it is testing
            exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR, route.getId());
            Boolean matches;
            try {
                Publisher<Boolean> test = route.getPredicate().apply(exchange);
                if (!(test instanceof Fuseable.ScalarCallable<?> answered)) {
                    return super.lookupRoute(exchange);
                }
                matches = (Boolean) answered.call();
            } catch (Exception e) {
                logger.error("Error applying predicate for route: " + route.getId(), e);
                continue;
            }
            if (Boolean.TRUE.equals(matches)) {
                validateRoute(route, exchange);
                return Mono.just(route);
            }
        }
        return Mono.empty();
    }
}
