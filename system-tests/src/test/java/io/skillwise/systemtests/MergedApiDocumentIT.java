package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.OpenApiContract;
import io.skillwise.testsupport.OpenApiLint;
import io.skillwise.testsupport.Spectral;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one OpenAPI document of the whole API that the gateway serves at {@code /v3/api-docs}, made from the running
 * services' real documents: it parses as OpenAPI, holds the routed paths of every service and none of their
 * internal ones, adds the gateway's own answers, and keeps each service's operations as completely documented as
 * the service's own document, and passes the API lint as each service's does.
 */
class MergedApiDocumentIT {

    /** Where the build leaves the request collection (docs/api-conventions.md#request-collection). */
    private static final Path COLLECTION = Path.of("target", "skillwise.http");
    /** Where Spectral reads the merged document from, and a person after the run. */
    private static final Path MERGED_DOCUMENT = Path.of("target", "skillwise-openapi.json");

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void theMergedDocumentHoldsEveryRoutedOperationWithTheGatewaysAnswers() {
        OpenAPI merged = mergedDocument();

        assertThat(merged.getPaths()).containsKeys("/api/v1/auth/login", "/api/v1/courses", "/api/v1/enrollments",
                "/api/v1/payments/create", "/api/v1/promotions/coupons", "/api/v1/courses/{id}/reviews",
                "/api/v1/notifications", "/api/v1/instructors/dashboard");
        assertThat(merged.getPaths().keySet()).noneMatch(path -> path.startsWith("/internal/"));

        Operation buy = merged.getPaths().get("/api/v1/payments/create").getPost();
        assertThat(buy.getResponses()).containsKeys("400", "401", "403", "409", "413", "422", "429", "503", "504");
        assertThat(buy.getResponses().get("429").getHeaders()).containsKey("Retry-After");
        assertThat(buy.getResponses().get("503").getDescription()).as("the service's and the gateway's 503")
                .contains("`promotions-unavailable`", "`unavailable`", "`service-unavailable`");
        assertThat(buy.getResponses().get("503").getHeaders()).containsKey("Retry-After");
        assertThat(buy.getResponses().get("409").getContent()).containsOnlyKeys("application/problem+json");

        // every service passes OpenApiContract on its own; merging must keep that, for every operation
        assertThat(merged.getOpenapi()).as("the merged document is OpenAPI 3.1").startsWith("3.1.");
        assertThat(OpenApiContract.shortcomings(merged)).isEmpty();
        OpenApiLint.assertClean(merged);
    }

    @Test
    void theMergedDocumentShowsAnExampleOfEveryBody() {
        OpenApiContract.assertExamplesShown(mergedDocument());
    }

    /** One Spectral run over the whole API: skipped, saying why, where npm is missing (docs/api-conventions.md#spectral). */
    @Test
    void theMergedDocumentHasNoSpectralErrorsBeyondTheAcceptedOnes() throws IOException {
        mergedDocument();
        String json = ApiClient.at(platform.gatewayUrl()).get("/v3/api-docs").assertStatus(200).text();
        Path document = Files.writeString(MERGED_DOCUMENT, json);

        Spectral.assertNoUnexcusedErrors(document);
    }

    @Test
    void theRequestCollectionIsGeneratedFromTheMergedDocument() throws IOException {
        OpenAPI merged = mergedDocument();

        String collection = HttpCollection.of(merged, "http://127.0.0.1:8080");
        Path file = Files.writeString(COLLECTION, collection);

        long operations = merged.getPaths().values().stream().mapToLong(item -> item.readOperations().size()).sum();
        assertThat(HttpCollection.requestCount(collection)).as("requests in %s", file).isEqualTo(operations);
        assertThat(collection).contains("POST {{gateway}}/api/v1/auth/login\nContent-Type: application/json")
                .contains("POST {{gateway}}/api/v1/courses/{{id}}/reviews\nAuthorization: Bearer {{token}}");
    }

    private static OpenAPI mergedDocument() {
        return mergedDocument(platform);
    }

    /** The gateway's merged document, once it holds every service's part. */
    static OpenAPI mergedDocument(DevStack platform) {
        ApiClient gateway = ApiClient.at(platform.gatewayUrl());
        // a service makes its document on the first request, which can take the gateway's 10 s on a busy machine;
        // the merged document then names it as left out, and the next request has it
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> OpenApiContract.parse(gateway.get("/v3/api-docs").assertStatus(200).text()),
                        document -> !document.getInfo().getDescription().contains("Not included"));
    }
}
