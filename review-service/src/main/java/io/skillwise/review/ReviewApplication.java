package io.skillwise.review;

import io.skillwise.kit.messaging.MongoOutboxCollections;
import io.skillwise.kit.security.PublicEndpoints;
import io.skillwise.review.discussion.DiscussionPost;
import io.skillwise.review.rating.CourseRating;
import io.skillwise.review.review.Review;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ReviewApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReviewApplication.class, args);
    }

    /** Prospective learners read reviews and ratings before they have an account. */
    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.none().get("/api/v1/courses/*/reviews", "/api/v1/courses/*/ratings",
                "/api/v1/instructors/*/ratings", "/api/v1/reviews/*");
    }

    /**
     * Request bodies are read strictly: unknown fields are refused (no silent mass assignment of status or author),
     * and a fractional number is not quietly cut to a whole star ({@code "rating": 3.5} is a 400, not 3). The Kafka
     * consumers keep the lenient mapper, because events may gain optional fields (docs/events.md).
     *
     * <p>The strict converter takes the place of Boot's JSON converter (ordered after it, at 0) rather than being
     * declared as a converter bean: a converter bean goes in front of all others and would write springdoc's
     * {@code byte[]} OpenAPI document as a base64 string.
     */
    @Bean
    @Order(1)
    ServerHttpMessageConvertersCustomizer strictJsonRequests(JsonMapper json) {
        JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build());
        return converters -> converters.withJsonConverter(strict);
    }

    /** Reviews, rating aggregates and reported discussion posts carry their own outgoing events (docs/messaging.md). */
    @Bean
    MongoOutboxCollections outboxCollections() {
        return MongoOutboxCollections.of(Review.COLLECTION, CourseRating.COLLECTION, DiscussionPost.COLLECTION);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
