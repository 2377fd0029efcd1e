package io.skillwise.notification;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.OpenApiContract;
import io.skillwise.testsupport.ServiceChecks;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(mongo = true, kafka = true)
class NotificationApplicationIT {

    @LocalServerPort
    int port;

    @Test
    void runsOnItsOwnStoreAndKafka() {
        ServiceChecks.assertRunningWith(port, "mongo", "kafka");
    }

    @Test
    void refusesCallsWithoutAValidToken() {
        ServiceChecks.assertRefusesCallsWithoutValidToken(port, "/api/v1/anything-protected");
    }

    @Test
    void documentsEveryEndpointAndItsErrorAnswers() {
        JsonNode paths = ApiClient.root(port).get("/v3/api-docs").assertStatus(200).body().path("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/notifications", "/api/v1/notifications/stream",
                "/api/v1/notifications/preferences", "/api/v1/notifications/unsubscribe",
                "/api/v1/admin/notifications/failures", "/api/v1/courses/{courseId}/announcements",
                "/api/v1/courses/{courseId}/announcements/{id}", "/api/v1/courses/{courseId}/threads",
                "/api/v1/threads/{threadId}", "/api/v1/threads/{threadId}/follow", "/api/v1/threads/{threadId}/posts",
                "/api/v1/posts/{postId}", "/api/v1/posts/{postId}/report");
        OpenApiContract.assertDocumentComplete(port);
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String where = operation.getKey() + " " + path.getKey();
                assertThat(operation.getValue().path("summary").asString()).as(where).isNotBlank();
                assertThat(operation.getValue().path("description").asString()).as(where).isNotBlank();
                JsonNode responses = operation.getValue().path("responses");
                assertThat(responses.propertyNames()).as(where).anyMatch(code -> code.startsWith("4"));
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    if (response.getKey().startsWith("4")) {
                        assertThat(response.getValue().path("content").path("application/problem+json")
                                .path("schema").path("$ref").asString()).as(where + " " + response.getKey())
                                .isEqualTo("#/components/schemas/Problem");
                    }
                }
            }
        }
    }
}
