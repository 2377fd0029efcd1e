package io.skillwise.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** The shared error model, strict JSON request bodies and the request body limit for servlet services. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestBodyProperties.class)
@Import(ApiExceptionHandler.class)
public class KitWebAutoConfiguration {

    @Bean
    StrictJsonRequests strictJsonRequests(JsonMapper json) {
        return new StrictJsonRequests(json);
    }

    /** Ahead of Spring Security's filters (order -100): a body that is too large is refused before anything else. */
    static final int BODY_LIMIT_ORDER = -150;

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestBodyProperties properties,
                                                                          JsonMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties, json));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }
}
