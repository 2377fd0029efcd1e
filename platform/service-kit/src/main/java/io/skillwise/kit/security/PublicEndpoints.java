package io.skillwise.kit.security;

import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.List;

/**
 * The routes of a service that answer without a token (course browsing, webhooks, certificate checks). A service
 * declares one bean of this type; everything else needs a valid token.
 */
public final class PublicEndpoints {

    public record Endpoint(HttpMethod method, String pattern) {
    }

    private final List<Endpoint> endpoints = new ArrayList<>();

    public static PublicEndpoints none() {
        return new PublicEndpoints();
    }

    public PublicEndpoints get(String... patterns) {
        return add(HttpMethod.GET, patterns);
    }

    public PublicEndpoints post(String... patterns) {
        return add(HttpMethod.POST, patterns);
    }

    public PublicEndpoints add(HttpMethod method, String... patterns) {
        for (String pattern : patterns) {
            endpoints.add(new Endpoint(method, pattern));
        }
        return this;
    }

    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }
}
