package io.skillwise.kit.security.testapp;

import io.skillwise.kit.security.PublicEndpoints;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A service with one route of each kind the kit secures: a user route, a public one, an internal one, a JSON body,
 * an upload and a paged list. The security tests call it directly, as an attacker behind the gateway would.
 */
@SpringBootApplication
public class SecurityTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(SecurityTestApplication.class, args);
    }

    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.none().get("/api/v1/public/notes");
    }
}
