package io.skillwise.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** The shared error model and strict JSON request bodies for servlet services. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ApiExceptionHandler.class)
public class KitWebAutoConfiguration {

    @Bean
    StrictJsonRequests strictJsonRequests(JsonMapper json) {
        return new StrictJsonRequests(json);
    }
}
