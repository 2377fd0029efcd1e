package io.skillwise.identity;

import io.skillwise.kit.security.PublicEndpoints;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;


@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }

    /** The guest routes (docs/identity.md); logout is not among them: it needs the token to find the session. */
    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.none()
                .post("/api/v1/auth/register", "/api/v1/auth/verify-email", "/api/v1/auth/verify-email/resend",
                        "/api/v1/auth/login",
                        "/api/v1/auth/refresh", "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm")
                .get("/api/v1/instructors/*/profile", "/api/v1/users/*/avatar");
    }
}
