package io.skillwise.enrollment;

import io.skillwise.kit.security.PublicEndpoints;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;


@SpringBootApplication
@ConfigurationPropertiesScan
public class EnrollmentApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnrollmentApplication.class, args);
    }

    /** Certificates are verified, and shown as an image, by whoever holds a code (an employer), without an account. */
    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.none().get("/api/v1/certificates/*", "/api/v1/certificates/*/image");
    }
}
