package io.skillwise.kit.openapi;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Examples of the schemas every service shares but whose classes cannot carry springdoc's annotations: the events'
 * {@code Money} (platform/events depends on no web library) is an answer of many operations, and a client developer
 * should see a price in minor units there, not {@code 0}.
 */
final class SharedSchemaExamples implements GlobalOpenApiCustomizer {


    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Schema<?> money = openApi.getComponents().getSchemas().get("Money");
        if (money != null && money.getExample() == null) {
            money.setExample(Json.mapper().createObjectNode().put("amount", 4999).put("currency", "USD"));
        }
    }
}
