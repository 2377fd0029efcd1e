package io.skillwise.gateway.web;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The caller's address as the gateway sees it: the connection's peer, or, behind a load balancer with
 * {@code server.forward-headers-strategy=native}, the address the balancer forwarded. Rate limits count by it, and it
 * goes to the services in {@link #HEADER} (never a value the caller sent).
 */
public final class ClientAddress {

    /** Set on every request to a service, replacing whatever the caller sent under that name. */
    public static final String HEADER = "X-SkillWise-Client-Address";

    private ClientAddress() {
    }

    public static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
