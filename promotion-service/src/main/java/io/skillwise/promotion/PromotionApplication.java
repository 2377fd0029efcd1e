package io.skillwise.promotion;

import io.skillwise.kit.security.PublicEndpoints;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

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

    /**
     * Request bodies with fields the API does not know are refused (400) rather than silently ignored, as in the
     * catalog. Only the HTTP side is strict: the Kafka consumers keep the service's lenient mapper, because events
     * may gain optional fields (docs/events.md).
     */
    @Bean
    JacksonJsonHttpMessageConverter strictJsonConverter(JsonMapper json) {
        return new JacksonJsonHttpMessageConverter(
                json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
