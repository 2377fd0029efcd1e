package io.skillwise.analytics;

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
@WithInfrastructure(postgres = true, kafka = true)
class AnalyticsApplicationIT {

    @LocalServerPort
    int port;

    @Test
    void runsOnItsOwnStoreAndKafka() {
        ServiceChecks.assertRunningWith(port, "db", "kafka");
    }

    @Test
    void refusesCallsWithoutAValidToken() {
        ServiceChecks.assertRefusesCallsWithoutValidToken(port, "/api/v1/instructors/dashboard");
    }

    @Test
    void everyOperationDocumentsWhatItDoesAndHowItFails() {
        OpenAPI document = OpenApiContract.assertDocumentComplete(port);
        OpenApiLint.assertClean(document);
        OpenApiContract.assertExamplesShown(document);

        assertThat(document.getPaths()).containsKeys("/api/v1/instructors/dashboard");
    }
}
