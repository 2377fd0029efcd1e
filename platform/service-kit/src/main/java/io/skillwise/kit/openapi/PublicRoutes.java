package io.skillwise.kit.openapi;

import io.skillwise.kit.security.PublicEndpoints;
import io.swagger.v3.oas.models.PathItem;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/** Whether a documented operation is one of the routes the service lets through without a token. */
final class PublicRoutes {

    private final PublicEndpoints publicEndpoints;
    private final AntPathMatcher paths = new AntPathMatcher();

    PublicRoutes(PublicEndpoints publicEndpoints) {
        this.publicEndpoints = publicEndpoints;
    }

    boolean isPublic(String path, PathItem.HttpMethod method) {
        return publicEndpoints.endpoints().stream().anyMatch(endpoint ->
                endpoint.method().equals(HttpMethod.valueOf(method.name())) && paths.match(endpoint.pattern(), path));
    }
}
