package io.skillwise.notification;

import com.samskivert.mustache.Mustache;
import io.skillwise.kit.messaging.MongoOutboxCollections;
import io.skillwise.kit.security.PublicEndpoints;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }

    /** The unsubscribe link of a mail works without signing in: its signed token is the authorisation. */
    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.none()
                .get("/api/v1/notifications/unsubscribe")
                .post("/api/v1/notifications/unsubscribe");
    }

    /**
     * Mail and page templates from {@code templates/} through Spring Boot's template loader. Unlike Boot's default
     * compiler this one never looks values up in the environment (a template cannot print configuration), and it
     * fails on a name the model lacks instead of printing nothing; a null value prints as empty.
     */
    @Bean
    Mustache.Compiler mustacheCompiler(Mustache.TemplateLoader templateLoader) {
        return Mustache.compiler().withLoader(templateLoader).nullValue("");
    }

    /** Discussion posts carry their reports' events (the kit's Mongo outbox); the relay publishes them. */
    @Bean
    MongoOutboxCollections outboxCollections() {
        return MongoOutboxCollections.of("discussion_posts");
    }
}
