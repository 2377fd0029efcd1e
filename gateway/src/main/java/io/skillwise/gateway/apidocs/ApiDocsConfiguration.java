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
 * One Swagger UI ({@code /swagger-ui.html}) over every service: it lists {@code /v3/api-docs/<service>}, which
 * the gateway routes to that service's own {@code /v3/api-docs}. The list is built from the same service names
 * as the routes, so the two cannot drift apart. The gateway has no API of its own to document.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    SmartInitializingSingleton swaggerUiServiceList(SwaggerUiConfigProperties swaggerUi) {
        return () -> {
            Set<SwaggerUrl> urls = new LinkedHashSet<>();
            for (String service : ServiceRoutes.SERVICES) {
                urls.add(new SwaggerUrl(service, ServiceRoutes.apiDocsPath(service), service));
            }
            swaggerUi.setUrls(urls);
            swaggerUi.setUrlsPrimaryName("catalog");
        };
    }
}
