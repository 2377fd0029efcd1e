package io.skillwise.testsupport;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is part of the contract (docs/api-conventions.md): what a client developer needs of every
 * operation. The document must parse as OpenAPI without a message, and each operation must have a summary, a
 * description, a tag and at least one documented 4xx answer as {@code application/problem+json}. The failure names
 * every operation that falls short and what it lacks, so one run shows all the work left.
 */
public final class OpenApiContract {

    private static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiContract() {
    }

    /** Reads {@code /v3/api-docs} of the application on {@code port} and checks it. */
    public static OpenAPI assertDocumentComplete(int port) {
        return assertComplete(ApiClient.root(port).get("/v3/api-docs").assertStatus(200).text());
    }

    /** Parses {@code json} as an OpenAPI document and checks every operation in it; answers the parsed document. */
    public static OpenAPI assertComplete(String json) {
        OpenAPI openApi = parse(json);
        assertThat(openApi.getPaths()).as("paths of the document").isNotEmpty();
        assertThat(shortcomings(openApi)).as("operations that do not document themselves").isEmpty();
        return openApi;
    }

    /** Parses {@code json} as an OpenAPI document, failing on any message of the parser. */
    public static OpenAPI parse(String json) {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, null);
        assertThat(parsed.getMessages()).as("messages of the OpenAPI parser").isEmpty();
        assertThat(parsed.getOpenAPI()).as("a parsed OpenAPI document").isNotNull();
        return parsed.getOpenAPI();
    }

    /** Each operation that falls short, as {@code "GET /path lacks a summary, ..."}. */
    public static List<String> shortcomings(OpenAPI openApi) {
        List<String> shortcomings = new ArrayList<>();
        if (openApi.getPaths() == null) {
            return shortcomings;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<String> missing = missingParts(operation);
            if (!missing.isEmpty()) {
                shortcomings.add(method + " " + path + " lacks " + String.join(", ", missing));
            }
        }));
        return shortcomings;
    }

    private static List<String> missingParts(Operation operation) {
        List<String> missing = new ArrayList<>();
        if (isBlank(operation.getSummary())) {
            missing.add("a summary");
        }
        if (isBlank(operation.getDescription())) {
            missing.add("a description");
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            missing.add("a tag");
        }
        if (!hasProblemAnswer(operation)) {
            missing.add("a 4xx response as " + PROBLEM_JSON);
        }
        return missing;
    }

    private static boolean hasProblemAnswer(Operation operation) {
        if (operation.getResponses() == null) {
            return false;
        }
        for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
            Map<String, MediaType> content = response.getValue().getContent();
            if (response.getKey().startsWith("4") && content != null && content.containsKey(PROBLEM_JSON)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
