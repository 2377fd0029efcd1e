package io.skillwise.payment.provider;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** Stripe when a key is configured, the local provider otherwise; nothing else in the service knows which. */
@Configuration
@EnableConfigurationProperties(StripeProperties.class)
class ProviderConfiguration {

    @Bean
    PaymentProvider paymentProvider(StripeProperties properties, JsonMapper json, Environment environment,
                                    Clock clock) {
        if (properties.stripeConfigured()) {
            return new StripePaymentProvider(StripePaymentProvider.client(properties), properties);
        }
        return new LocalPaymentProvider(properties, json, environment, clock);
    }
}
