package io.skillwise.identity.support;

import io.skillwise.devstack.keycloak.KeycloakServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One real Keycloak per test JVM (devstack's launcher, realm from deploy/keycloak), started on first use on a free
 * port and stopped by a shutdown hook: it takes 10-30 s to start, so every IT class shares it. Its state lives in
 * {@code target/keycloak-it} and survives between runs (a warm start is faster); tests therefore use fresh emails.
 */
public final class KeycloakForTests {

    private static KeycloakServer server;

    private KeycloakForTests() {
    }

    public static synchronized KeycloakServer shared() {
        if (server == null) {
            Path repository = Path.of("..").toAbsolutePath().normalize();
            KeycloakServer started = new KeycloakServer(Path.of("target", "keycloak-it"), freePort(),
                    repository.resolve("deploy/keycloak/skillwise-realm.json"), Path.of(System.getProperty("java.home")),
                    repository).startTimeout(Duration.ofMinutes(5));
            try {
                started.start();
            } catch (Exception e) {
                throw new IllegalStateException("Keycloak for the integration tests did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "keycloak-it-stop"));
            server = started;
        }
        return server;
    }

    /** Points the service under test at the shared Keycloak. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("skillwise.security.issuer", () -> shared().issuerUri());
        registry.add("skillwise.security.jwk-set-uri", () -> shared().issuerUri() + "/protocol/openid-connect/certs");
        registry.add("skillwise.identity.keycloak.base-url", () -> shared().baseUrl());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
