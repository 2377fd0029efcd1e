package io.skillwise.gateway.security;

import io.skillwise.gateway.problem.ProblemWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests may skip authentication and authorization: anonymous reads of public paths, nothing else. */
class AnonymousPublicRequestsTest {

    private final AnonymousPublicRequests chain = new AnonymousPublicRequests(
            new CorsChecks(new UrlBasedCorsConfigurationSource(), new ProblemWriter(JsonMapper.builder().build())));

    @Test
    void anonymousReadsOfPublicPathsTakeTheShortChain() {
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.get("/api/v1/courses?size=20").build())).isTrue();
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.get("/api/v1/courses/c1/reviews").build())).isTrue();
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.head("/api/v1/categories").build())).isTrue();
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.get("/api/v1/lessons/l1").build())).isTrue();
    }

    @Test
    void aRequestWithAnyAuthorizationHeaderGoesThroughTheFullChain() {
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.get("/api/v1/courses")
                .header("Authorization", "Bearer forged").build())).isFalse();
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.get("/api/v1/courses")
                .header("Authorization", "Basic dXNlcjpwYXNz").build())).isFalse();
    }

    @Test
    void writesAndProtectedOrAdminPathsGoThroughTheFullChain() {
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.post("/api/v1/auth/login").build())).isFalse();
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.post("/api/v1/auth/logout").build())).isFalse();
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.method(HttpMethod.OPTIONS, "/api/v1/courses")
                .build())).isFalse();
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.get("/api/v1/enrollments").build())).isFalse();
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.get("/api/v1/lessons/l1/activity").build()))
                .isFalse();
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.get("/api/v1/admin/courses").build())).isFalse();
        assertThat(chain.isAnonymousPublicRead(MockServerHttpRequest.get("/actuator/prometheus").build())).isFalse();
    }
}
