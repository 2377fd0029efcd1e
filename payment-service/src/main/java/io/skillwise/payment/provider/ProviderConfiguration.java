package io.skillwise.payment.provider;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider named by {@code skillwise.payment.provider}, and nothing by default: {@code stripe} needs the API key
 * and the webhook secret, {@code local} (orders paid by pressing a button, no money moves) must be chosen explicitly,
 * as devstack and the tests do, and the production profile refuses it (docs/configuration.md). The rest of the service
 * sees one {@link PaymentProvider}; only the local checkout page asks for the {@link LocalPaymentProvider}, which
 * exists only when it is the provider.
 */
@Configuration
@EnableConfigurationProperties(StripeProperties.class)
class ProviderConfiguration {

    static final String PROVIDER = "skillwise.payment.provider";

    private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

    ProviderConfiguration(@Value("${" + PROVIDER + ":}") String choice) {
        if (!choice.equals("stripe") && !choice.equals("local")) {
            throw new InvalidConfigurationPropertyValueException(PROVIDER, choice,
                    "choose 'stripe' (with STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET) or, for local runs and tests "
                            + "only, 'local'");
        }
    }

    @Bean
    @ConditionalOnProperty(name = PROVIDER, havingValue = "stripe")
    StripePaymentProvider stripePaymentProvider(StripeProperties properties) {
        required("skillwise.payment.stripe.api-key", properties.apiKey());
        required("skillwise.payment.stripe.webhook-secret", properties.webhookSecret());
        return new StripePaymentProvider(StripePaymentProvider.client(properties), properties);
    }

    @Bean
    @ConditionalOnProperty(name = PROVIDER, havingValue = "local")
    LocalPaymentProvider localPaymentProvider(StripeProperties properties, JsonMapper json, Environment environment,
                                              Clock clock) {
        required("skillwise.payment.stripe.webhook-secret", properties.webhookSecret());
        log.warn("Payment provider: local. Orders are paid by pressing a button and no money moves; "
                + "never use it where real buyers can reach the service.");
        return new LocalPaymentProvider(properties, json, environment, clock);
    }

    private static void required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationPropertyValueException(key, null, "the chosen payment provider needs it");
        }
    }
}
