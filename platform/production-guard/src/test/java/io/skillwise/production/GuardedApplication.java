package io.skillwise.production;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;

/**
 * An application with nothing in it but the guard (from spring.factories) and what the tests declare; its main method
 * is started as a JVM of its own to see the exit code.
 */
@SpringBootConfiguration
public class GuardedApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GuardedApplication.class);
        application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        application.run(args);
    }
}
