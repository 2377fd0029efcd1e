package io.skillwise.kit.openapi;

import io.skillwise.kit.security.PublicEndpoints;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTest {

    private final ProblemResponses problems = new ProblemResponses(new PublicRoutes(PublicEndpoints.none()));

    @Test
    void theInstanceOfAnExampleProblemIsThePathWithAValueForEachVariable() {
        assertThat(ProblemResponses.examplePath("/api/v1/courses/{id}/modules/{moduleId}"))
                .isEqualTo("/api/v1/courses/7c9e6679-7425-40de-944b-e07fc1f90ae7/modules/"
                        + "7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertThat(ProblemResponses.examplePath("/admin/dead-letters/{topic}/replay"))
                .isEqualTo("/admin/dead-letters/topic/replay");
        assertThat(ProblemResponses.examplePath("/api/v1/courses")).isEqualTo("/api/v1/courses");
    }

    @Test
    void everyOperationDocumentsTheStoreOutageAsA503WithRetryAfter() {
        Operation read = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()
                .description("the course")));

        problems.customise(document("/api/v1/courses/{id}", read));

        ApiResponse unavailable = read.getResponses().get("503");
        assertThat(unavailable.getDescription()).startsWith("`unavailable`");
        assertThat(unavailable.getHeaders()).containsKey("Retry-After");
        assertThat(unavailable.getContent().get(ProblemResponses.PROBLEM_JSON).getExample())
                .hasToString("{\"type\":\"https://skillwise.io/problems/unavailable\",\"title\":\"Service Unavailable\","
                        + "\"status\":503,\"detail\":\"A store this service needs is not reachable right now; try "
                        + "again in a few seconds.\",\"instance\":\"/api/v1/courses/"
                        + "7c9e6679-7425-40de-944b-e07fc1f90ae7\"}");
    }

    @Test
    void anOperationsOwn503KeepsItsMeaningAndGainsTheStoreOutage() {
        Operation upload = new Operation().responses(new ApiResponses().addApiResponse("503", new ApiResponse()
                .description("`storage-unavailable`: the file store cannot be reached")));

        problems.customise(document("/api/v1/lessons/{lessonId}/assets", upload));

        ApiResponse unavailable = upload.getResponses().get("503");
        assertThat(unavailable.getDescription()).startsWith("`storage-unavailable`").contains("`unavailable`");
        assertThat(unavailable.getHeaders()).containsKey("Retry-After");
    }

    private static OpenAPI document(String path, Operation get) {
        return new OpenAPI().paths(new Paths().addPathItem(path, new PathItem().get(get)));
    }
}
