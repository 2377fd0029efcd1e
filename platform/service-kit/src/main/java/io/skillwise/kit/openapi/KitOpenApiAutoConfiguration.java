package io.skillwise.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.skillwise.kit.security.PublicEndpoints;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Every service documents itself with the same bearer scheme and points "try it out" at the gateway; what every
 * operation shares (error answers, paging bounds) is documented once here.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class KitOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String name,
                           @Value("${skillwise.gateway-url:http://127.0.0.1:8080}") String gatewayUrl) {
        return new OpenAPI()
                .info(new Info().title("SkillWise " + name).version("v1")
                        .description("Part of the SkillWise API; call it through the gateway at /api/v1."))
                .addServersItem(new Server().url(gatewayUrl).description("API gateway"))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token issued by Keycloak (POST /api/v1/auth/login)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OperationCustomizer pagingParameters() {
        return new PagingParameters();
    }

    @Bean
    GlobalOpenApiCustomizer problemResponses(ObjectProvider<PublicEndpoints> publicEndpoints) {
        return new ProblemResponses(publicEndpoints.getIfAvailable(PublicEndpoints::none));
    }
}
