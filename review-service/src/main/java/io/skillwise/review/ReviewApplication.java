package io.skillwise.review;

import io.skillwise.kit.messaging.MongoOutboxCollections;
import io.skillwise.kit.security.PublicEndpoints;
import io.skillwise.review.discussion.DiscussionPost;
import io.skillwise.review.rating.CourseRating;
import io.skillwise.review.review.Review;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

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

    /** Reviews, rating aggregates and reported discussion posts carry their own outgoing events (docs/messaging.md). */
    @Bean
    MongoOutboxCollections outboxCollections() {
        return MongoOutboxCollections.of(Review.COLLECTION, CourseRating.COLLECTION, DiscussionPost.COLLECTION);
    }
}
