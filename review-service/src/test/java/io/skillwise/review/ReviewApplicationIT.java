package io.skillwise.review;

import io.skillwise.testsupport.OpenApiContract;
import io.skillwise.testsupport.OpenApiLint;
import io.skillwise.testsupport.ServiceChecks;
import io.skillwise.testsupport.WithInfrastructure;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(mongo = true, kafka = true)
class ReviewApplicationIT {

    @LocalServerPort
    int port;

    @Test
    void runsOnItsOwnStoreAndKafka() {
        ServiceChecks.assertRunningWith(port, "mongo", "kafka");
    }

    @Test
    void refusesCallsWithoutAValidToken() {
        ServiceChecks.assertRefusesCallsWithoutValidToken(port, "/api/v1/courses/"
                + java.util.UUID.randomUUID() + "/reviews/mine");
    }

    @Test
    void everyOperationDocumentsWhatItDoesAndHowItFails() {
        OpenAPI document = OpenApiContract.assertDocumentComplete(port);
        OpenApiContract.assertExamplesShown(document);
        OpenApiLint.assertClean(document);

        assertThat(document.getPaths()).containsKeys("/api/v1/courses/{id}/reviews",
                "/api/v1/admin/reports/{kind}/{contentId}/decisions");
        Operation post = document.getPaths().get("/api/v1/courses/{id}/reviews").getPost();
        assertThat(post.getResponses()).containsKeys("201", "400", "401", "403", "409", "413");
        assertThat(document.getPaths().get("/api/v1/courses/{id}/reviews").getGet().getSecurity())
                .as("reading reviews takes a token optionally").hasSize(2);
    }

    @Test
    void aReviewsAuthorAndAModeratedAuthorAreTwoComponentsOfTheirOwnShape() {
        // both records are called Author: under one component name the document showed one shape for both
        OpenAPI document = OpenApiContract.assertDocumentComplete(port);

        assertThat(document.getComponents().getSchemas()).doesNotContainKey("Author");
        assertThat(OpenApiContract.propertiesOf(document, "ReviewAuthor")).containsOnlyKeys("id", "displayName");
        assertThat(OpenApiContract.propertiesOf(document, "ModeratedAuthor"))
                .containsOnlyKeys("id", "displayName", "suspend");
        assertThat(OpenApiContract.propertiesOf(document, "ReviewView").get("author").get$ref())
                .isEqualTo("#/components/schemas/ReviewAuthor");
        assertThat(OpenApiContract.propertiesOf(document, "QueueItem").get("author").get$ref())
                .isEqualTo("#/components/schemas/ModeratedAuthor");
    }
}
