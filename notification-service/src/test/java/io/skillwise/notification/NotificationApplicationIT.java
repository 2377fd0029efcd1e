package io.skillwise.notification;

import io.skillwise.testsupport.OpenApiContract;
import io.skillwise.testsupport.OpenApiLint;
import io.skillwise.testsupport.ServiceChecks;
import io.skillwise.testsupport.WithInfrastructure;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

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
    void everyOperationDocumentsWhatItDoesAndHowItFails() {
        OpenAPI document = OpenApiContract.assertDocumentComplete(port);
        OpenApiContract.assertExamplesShown(document);
        OpenApiLint.assertClean(document);

        assertThat(document.getPaths()).containsKeys("/api/v1/notifications", "/api/v1/notifications/stream",
                "/api/v1/notifications/preferences", "/api/v1/notifications/unsubscribe",
                "/api/v1/admin/notifications/failures", "/api/v1/courses/{courseId}/announcements",
                "/api/v1/courses/{courseId}/announcements/{id}", "/api/v1/courses/{courseId}/threads",
                "/api/v1/threads/{threadId}", "/api/v1/threads/{threadId}/follow", "/api/v1/threads/{threadId}/posts",
                "/api/v1/posts/{postId}", "/api/v1/posts/{postId}/report");
    }
}
