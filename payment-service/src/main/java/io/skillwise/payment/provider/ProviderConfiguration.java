package io.skillwise.payment.provider;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider named by {@code skillwise.payment.provider}, and nothing by default: {@code stripe} needs the API key
 * and the webhook secret, {@code local} (orders paid by pressing a button, no money moves) must be chosen explicitly,
 * as devstack and the tests do, and the production profile refuses it (docs/configuration.md). Nothing else in the
 * service knows which provider runs.
 */
@Configuration
@EnableConfigurationProperties(StripeProperties.class)
class ProviderConfiguration {

    static final String PROVIDER = "skillwise.payment.provider";

    private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

    @Bean
    PaymentProvider paymentProvider(@Value("${" + PROVIDER + ":}") String choice, StripeProperties properties,
                                    JsonMapper json, Environment environment, Clock clock) {
        return switch (choice.strip()) {
            case "stripe" -> {
                required("skillwise.payment.stripe.api-key", properties.apiKey());
                required("skillwise.payment.stripe.webhook-secret", properties.webhookSecret());
                yield new StripePaymentProvider(StripePaymentProvider.client(properties), properties);
            }
            case "local" -> {
                required("skillwise.payment.stripe.webhook-secret", properties.webhookSecret());
                log.warn("Payment provider: local. Orders are paid by pressing a button and no money moves; "
                        + "never use it where real buyers can reach the service.");
                yield new LocalPaymentProvider(properties, json, environment, clock);
            }
            default -> throw new InvalidConfigurationPropertyValueException(PROVIDER, choice,
                    "choose 'stripe' (with STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET) or, for local runs and tests "
                            + "only, 'local'");
        };
    }

    private static void required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationPropertyValueException(key, null, "the chosen payment provider needs it");
        }
    }
}
