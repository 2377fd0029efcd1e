package io.skillwise.kit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import java.util.Map;

/**
 * Examples of the schemas every service shares but whose classes cannot carry springdoc's annotations: the events'
 * {@code Money} (platform/events depends on no web library) is an answer of many operations, and a client developer
 * should see a price in minor units there, not {@code 0}. The examples go on the properties: an object example on
 * the schema is written as a string in an OpenAPI 3.1 document.
 */
final class SharedSchemaExamples implements GlobalOpenApiCustomizer {

    private static final Map<String, Object> MONEY_EXAMPLES = Map.of("amount", 4999, "currency", "USD");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Schema<?> money = openApi.getComponents().getSchemas().get("Money");
        if (money == null || money.getProperties() == null) {
            return;
        }
        MONEY_EXAMPLES.forEach((name, example) -> {
            Schema<?> property = money.getProperties().get(name);
            if (property != null && property.getExample() == null) {
                property.setExample(example);
            }
        });
    }
}
