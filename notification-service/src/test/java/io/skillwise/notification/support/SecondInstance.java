package io.skillwise.notification.support;

import io.skillwise.notification.NotificationApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another instance of notification-service beside the test's own, on the same Mongo database, Kafka consumer groups,
 * SMTP sink and token issuer, as a second replica behind a load balancer would run.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    /**
     * @param first    the environment of the test's instance, whose infrastructure the second one shares
     * @param settings further {@code --key=value} arguments
     */
    public SecondInstance(Environment first, String... settings) {
        String[] shared = {
                "--server.port=0",
                "--spring.mongodb.uri=" + first.getProperty("spring.mongodb.uri"),
                "--spring.kafka.bootstrap-servers=" + first.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.kafka.consumer.group-id=" + first.getProperty("spring.kafka.consumer.group-id"),
                "--spring.mail.host=" + first.getProperty("spring.mail.host"),
                "--spring.mail.port=" + first.getProperty("spring.mail.port"),
                "--skillwise.security.issuer=" + first.getProperty("skillwise.security.issuer"),
                "--skillwise.security.jwk-set-uri=" + first.getProperty("skillwise.security.jwk-set-uri")};
        String[] arguments = new String[shared.length + settings.length];
        System.arraycopy(shared, 0, arguments, 0, shared.length);
        System.arraycopy(settings, 0, arguments, shared.length, settings.length);
        // command-line arguments win over application.yml (a builder's properties would not)
        this.context = new SpringApplicationBuilder(NotificationApplication.class).run(arguments);
    }

    /** The stream endpoint of this instance. */
    public String streamUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                + "/api/v1/notifications/stream";
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
