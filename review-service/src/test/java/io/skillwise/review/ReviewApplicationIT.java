package io.skillwise.review;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.ServiceChecks;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    void everyOperationIsDocumentedWithItsErrors() {
        ApiResponse docs = ApiClient.root(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").propertyNames()).as(docs.text())
                .contains("/api/v1/courses/{id}/reviews", "/api/v1/admin/reports/{kind}/{contentId}/decisions");
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.body().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode responses = operation.getValue().path("responses");
                boolean documentsAnError = responses.propertyNames().stream().anyMatch(code -> code.startsWith("4"));
                if (operation.getValue().path("summary").asString("").isBlank() || !documentsAnError) {
                    undocumented.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertThat(undocumented).isEmpty();
        JsonNode post = docs.body().path("paths").path("/api/v1/courses/{id}/reviews").path("post").path("responses");
        assertThat(post.propertyNames()).contains("201", "400", "401", "403", "409");
    }
}
