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

import java.net.URI;

/**
 * Every service documents itself with the same bearer scheme and points "try it out" at the gateway; what every
 * operation shares (error answers, paging bounds) is documented once here.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class KitOpenApiAutoConfiguration {

    /** Says what the token is and how it is checked (RFC 8725, JWT best current practices: OWASP API2). */
    public static final String BEARER_DESCRIPTION = "Access token issued by Keycloak (POST /api/v1/auth/login): a "
            + "JWT, checked following RFC8725 (JWT best current practices): its signature against the realm's "
            + "published keys, its issuer, audience, client and expiry.";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String name,
                           @Value("${skillwise.gateway-url:http://127.0.0.1:8080}") String gatewayUrl) {
        return new OpenAPI()
                .info(new Info().title("SkillWise " + name).version("v1")
                        .description("Part of the SkillWise API; call it through the gateway at /api/v1."))
                .addServersItem(gateway(gatewayUrl))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description(BEARER_DESCRIPTION)))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * The gateway as the document's server, saying which environment it is (a loopback address is a developer's
     * local stack) and that it is the public entrance, not an internal server (OWASP API9, inventory).
     */
    public static Server gateway(String gatewayUrl) {
        String host = URI.create(gatewayUrl).getHost();
        boolean local = "127.0.0.1".equals(host) || "localhost".equals(host);
        Server server = new Server().url(gatewayUrl)
                .description(local ? "API gateway of the local development stack" : "API gateway (production)");
        server.addExtension("x-internal", false);
        return server;
    }

    @Bean
    OperationCustomizer pagingParameters() {
        return new PagingParameters();
    }

    @Bean
    GlobalOpenApiCustomizer sharedSchemaExamples() {
        return new SharedSchemaExamples();
    }

    @Bean
    GlobalOpenApiCustomizer problemResponses(ObjectProvider<PublicEndpoints> publicEndpoints) {
        return new ProblemResponses(publicRoutes(publicEndpoints));
    }

    /** {@code x-skillwise-access} on every operation (docs/security.md). */
    @Bean
    AccessExtension accessExtension(ObjectProvider<PublicEndpoints> publicEndpoints) {
        return new AccessExtension(publicRoutes(publicEndpoints));
    }

    private static PublicRoutes publicRoutes(ObjectProvider<PublicEndpoints> publicEndpoints) {
        return new PublicRoutes(publicEndpoints.getIfAvailable(PublicEndpoints::none));
    }
}
