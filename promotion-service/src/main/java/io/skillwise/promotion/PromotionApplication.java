package io.skillwise.promotion;

import io.skillwise.kit.security.PublicEndpoints;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;


@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PromotionApplication {

    public static void main(String[] args) {
        SpringApplication.run(PromotionApplication.class, args);
    }

    /**
     * Bundles are shown to anyone browsing; an affiliate link is opened by people without an account (the click is
     * counted, and attributed to the visitor when a token is sent anyway).
     */
    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.none()
                .get("/api/v1/promotions/bundles", "/api/v1/promotions/bundles/*", "/api/v1/affiliates/links/*");
    }

}
