package io.skillwise.kit.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies with a property the operation does not know are refused (400 {@code unreadable-body}) instead of
 * silently dropped: a client that misspells a field, or tries to set one it may not, learns about it. A fractional
 * number for a whole-number property is refused too, instead of being cut ({@code "rating": 3.5} is not 3 stars,
 * {@code "amount": 49.99} is not 49 cents).
 * <p>
 * Only the JSON converter of Spring MVC's server side is strict, and it stays in its place among the converters, so
 * {@code byte[]} and {@code String} answers (springdoc's {@code /v3/api-docs}) are still written as they are. The
 * application's {@link JsonMapper} stays lenient: Kafka events may gain optional fields, and clients of other
 * services' APIs must ignore what they do not know.
 */
final class StrictJsonRequests implements ServerHttpMessageConvertersCustomizer, Ordered {

    private final JsonMapper strict;

    StrictJsonRequests(JsonMapper json) {
        this.strict = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    @Override
    public void customize(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }

    /** After Spring Boot's own customizer, which installs the lenient converter this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
