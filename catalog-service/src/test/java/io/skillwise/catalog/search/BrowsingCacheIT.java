package io.skillwise.catalog.search;

import io.skillwise.catalog.Courses;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous browsing is answered from Redis until a change evicts it. To see the cache at work the test changes a
 * row behind the service's back (no eviction) and then through the API (eviction).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "skillwise.catalog.cache.enabled=true")
@WithInfrastructure(postgres = true, kafka = true, redis = true, tokens = true)
class BrowsingCacheIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestUser instructor = TestUser.instructor();

    @BeforeEach
    void setUp() {
        api = ApiClient.api(port);
    }

    @Test
    void anonymousDetailsAndListingAreCachedUntilTheCourseChanges() {
        String courseId = Courses.published(api, instructor, Courses.draft("Cached Title"));
        assertThat(api.get("/courses/" + courseId).text("title")).isEqualTo("Cached Title");
        assertThat(api.get("/courses?search=cached").items("title")).containsExactly("Cached Title");

        renameBehindTheServicesBack(courseId, "Sneaky Title");

        assertThat(api.get("/courses/" + courseId).text("title")).isEqualTo("Cached Title");
        assertThat(api.get("/courses?search=cached").items("title")).containsExactly("Cached Title");
        assertThat(api.as(instructor).get("/courses/" + courseId).text("title"))
                .as("signed-in callers read the database").isEqualTo("Sneaky Title");

        api.as(instructor).patch("/courses/" + courseId, Map.of("title", "Updated Title"));

        assertThat(api.get("/courses/" + courseId).text("title")).isEqualTo("Updated Title");
        assertThat(api.get("/courses?search=updated").items("title")).containsExactly("Updated Title");
    }

    @Test
    void unpublishingEvictsTheCachedCourse() {
        String courseId = Courses.published(api, instructor, Courses.draft("Soon Gone"));
        assertThat(api.get("/courses/" + courseId).status()).isEqualTo(200);
        assertThat(api.get("/courses?search=soon").items("id")).containsExactly(courseId);

        api.as(instructor).post("/courses/" + courseId + "/unpublish", null);

        assertThat(api.get("/courses/" + courseId).status()).isEqualTo(404);
        assertThat(api.get("/courses?search=soon").items("id")).isEmpty();
    }

    private void renameBehindTheServicesBack(String courseId, String title) {
        jdbc.sql("UPDATE course SET title = ? WHERE id = ?").params(title, UUID.fromString(courseId)).update();
    }
}
