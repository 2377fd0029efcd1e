package io.skillwise.catalog.common;

import io.skillwise.kit.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** What answers without a token: browsing. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.none().get(
                "/api/v1/categories",
                "/api/v1/courses",
                "/api/v1/courses/*",
                "/api/v1/courses/*/modules",
                "/api/v1/modules/*/lessons",
                "/api/v1/lessons/*",
                "/api/v1/lessons/*/assets",
                "/api/v1/lessons/*/assets/*/url",
                "/api/v1/assets/*"); // with a token, a signed URL, or neither for files of preview lessons
    }
}
