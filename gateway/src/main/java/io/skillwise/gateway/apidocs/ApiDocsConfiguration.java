package io.skillwise.gateway.apidocs;

import java.util.LinkedHashSet;
import java.util.Set;

import io.skillwise.gateway.routing.ServiceRoutes;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Swagger UI ({@code /swagger-ui.html}) over every service: it lists the merged document of all of them
 * ({@code /v3/api-docs}, first) and {@code /v3/api-docs/<service>}, which the gateway routes to that service's own
 * {@code /v3/api-docs}. The list is built from the same service names as the routes, so the two cannot drift apart.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    /** Where the gateway serves the merged document ({@link MergedApiDocsController}). */
    static final String MERGED = "/v3/api-docs";
    /** Its name in the UI's list, which the UI opens first. */
    static final String MERGED_NAME = "SkillWise API (all services)";

    @Bean
    SmartInitializingSingleton swaggerUiServiceList(SwaggerUiConfigProperties swaggerUi) {
        return () -> {
            Set<SwaggerUrl> urls = new LinkedHashSet<>();
            urls.add(new SwaggerUrl(MERGED_NAME, MERGED, MERGED_NAME));
            for (String service : ServiceRoutes.SERVICES) {
                urls.add(new SwaggerUrl(service, ServiceRoutes.apiDocsPath(service), service));
            }
            swaggerUi.setUrls(urls);
            swaggerUi.setUrlsPrimaryName(MERGED_NAME);
        };
    }
}
