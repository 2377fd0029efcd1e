package io.skillwise.payment;

import io.skillwise.kit.security.PublicEndpoints;
import io.skillwise.payment.earnings.EarningsProperties;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@EnableConfigurationProperties(EarningsProperties.class)
public class PaymentApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Stripe calls the webhook without a token (it is signed instead); a buyer's browser opens the local page. */
    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.none()
                .post("/api/v1/payments/webhook")
                .get("/api/v1/payments/local-checkout/**");
    }
}
