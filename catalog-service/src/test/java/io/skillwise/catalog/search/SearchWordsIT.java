package io.skillwise.catalog.search;

import io.skillwise.catalog.Courses;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The word table typos are corrected against follows every change of a search document. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class SearchWordsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void typosAreCorrectedAgainstTheCurrentWordsOfTheCourses() {
        ApiClient api = ApiClient.api(port);
        TestUser instructor = TestUser.instructor();
        Map<String, Object> request = Courses.draft("Quantum Origami");
        request.put("description", "Folding paper with physics.");
        String course = Courses.published(api, instructor, request);
        assertThat(courses("origami")).isEqualTo(1);
        assertThat(api.get("/courses?search=origmai").items("id")).containsExactly(course);

        assertThat(api.as(instructor).patch("/courses/" + course, Map.of("title", "Quantum Kirigami")).status())
                .isEqualTo(200);
        assertThat(courses("origami")).as("no course uses the word any more").isZero();
        assertThat(courses("kirigami")).isEqualTo(1);
        assertThat(api.get("/courses?search=origmai").items("id")).isEmpty();
        assertThat(api.get("/courses?search=kirigmai").items("id")).containsExactly(course);

        // a second course with the word counts it twice; deleting the first leaves it to the second
        Map<String, Object> other = Courses.draft("Kirigami for Kids");
        other.put("description", "Cutting paper.");
        String second = api.as(instructor).post("/courses", other).id();
        assertThat(courses("kirigami")).isEqualTo(2);
        assertThat(api.as(instructor).delete("/courses/" + second).status()).isEqualTo(204);
        assertThat(courses("kirigami")).isEqualTo(1);
        assertThat(courses("kids")).isZero();
    }

    @Test
    void ratingsAndCountsLeaveTheWordsAlone() {
        ApiClient api = ApiClient.api(port);
        TestUser instructor = TestUser.instructor();
        Map<String, Object> request = Courses.draft("Zymurgy Basics");
        request.put("description", "Brewing at home.");
        String course = Courses.published(api, instructor, request);
        jdbc.sql("UPDATE course SET rating_average = 4.5, rating_count = 3, enrollment_count = 7 WHERE id = ?")
                .param(UUID.fromString(course)).update();
        assertThat(courses("zymurgy")).isEqualTo(1);
        assertThat(api.get("/courses?search=zymurgi").items("id")).containsExactly(course);
        assertThat(List.of(courses("brewing"), courses("home"))).containsOnly(1);
    }

    @Test
    void punctuationInATypedWordCannotBreakTheCorrectedQuery() {
        ApiClient api = ApiClient.api(port);
        String course = Courses.published(api, TestUser.instructor(), Courses.draft("Xylography Workshop"));
        for (String search : List.of("xylogrpahy's", "xylogrpahy:*", "xylogrpahy\\ & | ! ( ) <->", "'xylogrpahy'",
                "\"xylogrpahy\" -zzzz")) {
            var found = api.get("/courses?search=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
            assertThat(found.status()).as(search + " -> " + found).isEqualTo(200);
            assertThat(found.items("id")).as(search).contains(course);
        }
    }

    private int courses(String word) {
        return jdbc.sql("SELECT coalesce((SELECT courses FROM search_word WHERE word = ?), 0)").param(word)
                .query(Integer.class).single();
    }
}
