package io.skillwise.catalog.search;

import io.skillwise.catalog.CatalogApi;
import io.skillwise.catalog.CatalogApi.Courses;
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

    CatalogApi api;
    TestUser instructor = TestUser.instructor();

    @BeforeEach
    void setUp() {
        api = new CatalogApi(port);
    }

    @Test
    void anonymousDetailsAndListingAreCachedUntilTheCourseChanges() {
        String courseId = api.publishedCourse(instructor, Courses.draft("Cached Title"));
        assertThat(api.get("/courses/" + courseId).text("title")).isEqualTo("Cached Title");
        assertThat(api.get("/courses?search=cached").itemTitles()).containsExactly("Cached Title");

        renameBehindTheServicesBack(courseId, "Sneaky Title");

        assertThat(api.get("/courses/" + courseId).text("title")).isEqualTo("Cached Title");
        assertThat(api.get("/courses?search=cached").itemTitles()).containsExactly("Cached Title");
        assertThat(api.get("/courses/" + courseId, instructor).text("title"))
                .as("signed-in callers read the database").isEqualTo("Sneaky Title");

        api.patch("/courses/" + courseId, instructor, Map.of("title", "Updated Title"));

        assertThat(api.get("/courses/" + courseId).text("title")).isEqualTo("Updated Title");
        assertThat(api.get("/courses?search=updated").itemTitles()).containsExactly("Updated Title");
    }

    @Test
    void unpublishingEvictsTheCachedCourse() {
        String courseId = api.publishedCourse(instructor, Courses.draft("Soon Gone"));
        assertThat(api.get("/courses/" + courseId).status()).isEqualTo(200);
        assertThat(api.get("/courses?search=soon").itemIds()).containsExactly(courseId);

        api.post("/courses/" + courseId + "/unpublish", instructor, null);

        assertThat(api.get("/courses/" + courseId).status()).isEqualTo(404);
        assertThat(api.get("/courses?search=soon").itemIds()).isEmpty();
    }

    private void renameBehindTheServicesBack(String courseId, String title) {
        jdbc.sql("UPDATE course SET title = ? WHERE id = ?").params(title, UUID.fromString(courseId)).update();
    }
}
