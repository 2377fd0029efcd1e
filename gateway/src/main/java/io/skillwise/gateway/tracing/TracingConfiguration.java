package io.skillwise.gateway.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway decides, once per request, whether the platform traces it: the share given by
 * {@code management.tracing.sampling.probability} (0.1 by default). A traced request gets a span here and the
 * services continue its trace; the others reach the services with a {@code traceparent} that says "not sampled", so
 * they record nothing either. A caller's own {@code traceparent} is continued, and its decision kept. At 0 nothing is
 * traced, whatever a caller asks for.
 * <p>
 * Spans leave over OTLP once {@code management.opentelemetry.tracing.export.otlp.endpoint} is set (Spring Boot's
 * exporter, batched every few seconds); without it they are only recorded.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /** Spring Boot's sampler, except that 0 also overrules a caller who asks to be sampled. */
    @Bean
    Sampler gatewaySampler(TracingProperties properties) {
        float probability = properties.getSampling().getProbability();
        if (probability <= 0) {
            return Sampler.alwaysOff();
        }
        return Sampler.parentBased(Sampler.traceIdRatioBased(probability));
    }
}
