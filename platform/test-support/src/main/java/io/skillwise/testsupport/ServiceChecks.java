package io.skillwise.testsupport;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What every service must show once it runs: ready, its stores and Kafka reachable, and no entry without a token. */
public final class ServiceChecks {

    private ServiceChecks() {
    }

    /**
     * @param components the health components that must be UP, e.g. "db", "mongo", "kafka"
     */
    public static void assertRunningWith(int port, String... components) {
        ApiClient service = ApiClient.root(port);
        service.get("/actuator/health/readiness").assertStatus(200);
        service.get("/actuator/health/liveness").assertStatus(200);
        JsonNode health = service.get("/actuator/health").body();
        for (String component : components) {
            assertThat(health.path("components").path(component).path("status").asString())
                    .as("health of %s in %s", component, health).isEqualTo("UP");
        }
    }

    /** A route that needs a token answers 401 as a problem when there is none, and when the token is forged. */
    public static void assertRefusesCallsWithoutValidToken(int port, String path) {
        ApiClient service = ApiClient.root(port);
        service.get(path).assertProblem(401);
        service.withToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").get(path).assertStatus(401);
    }
}
