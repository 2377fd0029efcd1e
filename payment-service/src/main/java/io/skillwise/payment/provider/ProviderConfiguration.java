package io.skillwise.payment.provider;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe when a key is configured, the local provider otherwise. The rest of the service sees one
 * {@link PaymentProvider}; only the local checkout page asks for the {@link LocalPaymentProvider}, which exists only
 * when it is the provider.
 */
@Configuration
@EnableConfigurationProperties(StripeProperties.class)
class ProviderConfiguration {

    private static final String API_KEY = "skillwise.payment.stripe.api-key";

    @Bean
    @Conditional(StripeKeyConfigured.class)
    StripePaymentProvider stripePaymentProvider(StripeProperties properties) {
        return new StripePaymentProvider(StripePaymentProvider.client(properties), properties);
    }

    @Bean
    @Conditional(NoStripeKey.class)
    LocalPaymentProvider localPaymentProvider(StripeProperties properties, JsonMapper json, Environment environment,
                                              Clock clock) {
        return new LocalPaymentProvider(properties, json, environment, clock);
    }

    static final class StripeKeyConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(API_KEY));
        }
    }

    static final class NoStripeKey implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty(API_KEY));
        }
    }
}
