package io.skillwise.catalog.openapi;

import io.skillwise.testsupport.OpenApiContract;
import io.skillwise.testsupport.OpenApiLint;
import io.skillwise.testsupport.WithInfrastructure;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.servers.Server;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The document a client developer reads: every operation of catalog says what it does, who may call it and how it fails. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class OpenApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void everyOperationDocumentsWhatItDoesAndHowItFails() {
        OpenAPI document = OpenApiContract.assertDocumentComplete(port);
        OpenApiContract.assertExamplesShown(document);
        OpenApiLint.assertClean(document);

        Operation browse = document.getPaths().get("/api/v1/courses").getGet();
        assertThat(browse.getSecurity()).as("browsing takes a token optionally").hasSize(2);
        Operation create = document.getPaths().get("/api/v1/courses").getPost();
        assertThat(create.getResponses()).containsKeys("400", "401", "403", "413");
        assertThat(create.getResponses().get("403").getContent()).containsKey("application/problem+json");
    }

    @Test
    void theSharedPartsSatisfySpectralsOwaspRules() {
        OpenAPI document = OpenApiContract.assertDocumentComplete(port);

        // an object example on the Problem schema used to be written as a string; the examples are on the answers
        assertThat(document.getComponents().getSchemas().get("Problem").getExample()).isNull();
        Object invalid = document.getPaths().get("/api/v1/courses").getPost().getResponses().get("400").getContent()
                .get("application/problem+json").getExample();
        assertThat(invalid).as("the example of a 400").isNotInstanceOf(String.class).hasToString(
                "{\"type\":\"https://skillwise.io/problems/validation\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"The request has invalid fields.\",\"instance\":\"/api/v1/courses\","
                        + "\"errors\":[{\"field\":\"title\",\"message\":\"must not be blank\"}]}");
        Server gateway = document.getServers().getFirst();
        assertThat(gateway.getDescription()).contains("local");
        assertThat(gateway.getExtensions()).containsEntry("x-internal", false);
        assertThat(document.getComponents().getSecuritySchemes().get("bearer").getDescription()).contains("RFC8725");
    }
}
