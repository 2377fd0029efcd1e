package io.skillwise.catalog.search;

import io.skillwise.catalog.Courses;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A known set of published courses (plus a draft), searched, filtered, sorted and paged through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourseSearchIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestUser alice = TestUser.instructor();
    TestUser bob = TestUser.instructor();
    TestUser admin = TestUser.admin();

    String pythonFundamentals;
    String dataWrangling;
    String statistics;
    String javascript;
    String kubernetes;
    String freeGit;
    String machineLearning;
    String draft;

    @BeforeAll
    void publishKnownCourses() {
        api = ApiClient.api(port);
        ApiResponse sub = api.as(admin).post("/categories", Map.of("name", "Machine Learning", "parentId",
                "0b7a3c1e-2f4d-4c55-9a11-000000000004"));
        assertThat(sub.status()).as(sub.toString()).isEqualTo(201);

        pythonFundamentals = Courses.published(api, alice, course("Python Fundamentals", null,
                "Variables, loops and functions for complete beginners.", "development", "BEGINNER", "en", 2999,
                List.of("programming")));
        dataWrangling = Courses.published(api, alice, course("Data Wrangling", "Cleaning tables with Python and pandas",
                "Shape messy data into tidy data frames.", "data-science", "INTERMEDIATE", "en", 4999,
                List.of("pandas")));
        statistics = Courses.published(api, bob, course("Statistics Bootcamp", "Probability, tests and regression",
                "Exercises are solved in Python notebooks.", "data-science", "INTERMEDIATE", "de", 8999, List.of()));
        javascript = Courses.published(api, bob, course("Modern JavaScript", "ES2024 from scratch",
                "Closures, promises and modules.", "development", "BEGINNER", "en", 1999, List.of("web")));
        kubernetes = Courses.published(api, bob, course("Kubernetes for Developers", "Deploy and scale containers",
                "Pods, services and deployments.", "development", "ADVANCED", "en", 12999, List.of("devops")));
        Map<String, Object> git = course("Git Essentials", "Version control basics", "Commits and branches.",
                "development", "BEGINNER", "en", 0, List.of("tools"));
        git.remove("price");
        git.put("free", true);
        freeGit = Courses.published(api, alice, git);
        machineLearning = Courses.published(api, alice, course("Neural Networks Explained", "Deep learning intuition",
                "Backpropagation step by step.", "machine-learning", "ADVANCED", "en", 6999, List.of()));
        draft = api.as(alice).post("/courses", course("Python Secrets Draft", null, "Not ready.", "development",
                "BEGINNER", "en", 999, List.of())).id();

        // ratings and enrollment counts arrive from review and enrollment events; set them as those replicas will
        stats(pythonFundamentals, 4.7, 120, 900);
        stats(dataWrangling, 4.2, 40, 300);
        stats(statistics, 3.9, 10, 50);
        stats(javascript, 4.9, 500, 1500);
        stats(kubernetes, 4.5, 80, 700);
        stats(freeGit, 4.0, 30, 2000);
        stats(machineLearning, 4.8, 60, 100);
    }

    @Test
    void titleMatchesRankAboveSubtitleAboveDescription() {
        ApiResponse found = api.get("/courses?search=python");
        assertThat(found.items("id")).containsExactly(pythonFundamentals, dataWrangling, statistics);
        assertThat(found.body().get("totalItems").asLong()).isEqualTo(3);
    }

    @Test
    void searchStemsWordsAndCoversTags() {
        assertThat(api.get("/courses?search=deploying%20containers").items("id")).containsExactly(kubernetes);
        assertThat(api.get("/courses?search=devops").items("id")).containsExactly(kubernetes);
    }

    @Test
    void typosAndPartialWordsStillFindTheCourse() {
        assertThat(api.get("/courses?search=javascrpt").items("id")).containsExactly(javascript);
        assertThat(api.get("/courses?search=kube").items("id")).containsExactly(kubernetes);
        // swapped letters are two edits: corrected to "python", then ranked like the full-text search for it
        assertThat(api.get("/courses?search=pyhton").items("id"))
                .containsExactly(pythonFundamentals, dataWrangling, statistics);
        assertThat(api.get("/courses?search=pyhton&category=data-science&sort=price").items("id"))
                .containsExactly(dataWrangling, statistics);
        assertThat(api.get("/courses?search=zzzqqq").items("id")).isEmpty();
    }

    @Test
    void aKeywordWithinACategoryCoversItsSubcategoriesAndNeverMatchesTheCategoryItself() {
        assertThat(api.get("/courses?search=neural&category=data-science").items("id")).containsExactly(machineLearning);
        assertThat(api.get("/courses?search=neural&category=development").items("id")).isEmpty();
        assertThat(api.get("/courses?search=python&category=data-science&maxPrice=5000").items("id"))
                .containsExactly(dataWrangling);
        // the category is a lexeme of the document searched within a category: no typed word, prefix or typo reaches it
        for (String typed : List.of("category", "categ", "%23category", "0b7a3c1e")) {
            assertThat(api.get("/courses?search=" + typed + "&category=development").items("id")).as(typed).isEmpty();
        }
    }

    @Test
    void aKeywordWithAPriceRangeFindsExactlyTheCoursesPricedWithinIt() {
        // python: Python Fundamentals 29.99, Data Wrangling 49.99, Statistics Bootcamp 89.99
        assertThat(api.get("/courses?search=python&maxPrice=4999").items("id"))
                .containsExactly(pythonFundamentals, dataWrangling);
        assertThat(api.get("/courses?search=python&maxPrice=4998").items("id")).containsExactly(pythonFundamentals);
        assertThat(api.get("/courses?search=python&minPrice=3000&maxPrice=8999&sort=price").items("id"))
                .containsExactly(dataWrangling, statistics);
        assertThat(api.get("/courses?search=python&minPrice=4999&maxPrice=4999").items("id"))
                .containsExactly(dataWrangling);
        assertThat(api.get("/courses?search=python&minPrice=5000").items("id")).containsExactly(statistics);
        ApiResponse withinCategory = api.get("/courses?search=python&category=data-science&minPrice=4000&maxPrice=9000");
        assertThat(withinCategory.items("id")).containsExactly(dataWrangling, statistics);
        assertThat(withinCategory.body().get("totalItems").asLong()).isEqualTo(2);
        // a free course costs 0
        assertThat(api.get("/courses?search=git&maxPrice=0").items("id")).containsExactly(freeGit);
        assertThat(api.get("/courses?search=kubernetes&maxPrice=12998").items("id")).isEmpty();
    }

    @Test
    void draftsStayOutOfTheAnonymousListingButTheOwnerSeesThem() {
        assertThat(api.get("/courses?size=100").items("id")).doesNotContain(draft).hasSize(7);
        assertThat(api.as(bob).get("/courses?size=100").items("id")).doesNotContain(draft);
        assertThat(api.as(alice).get("/courses?size=100").items("id")).contains(draft);
    }

    @Test
    void filtersCombine() {
        assertThat(api.get("/courses?category=data-science&sort=price").items("id"))
                .containsExactly(dataWrangling, machineLearning, statistics);
        assertThat(api.get("/courses?category=machine-learning").items("id")).containsExactly(machineLearning);
        assertThat(api.get("/courses?minPrice=2000&maxPrice=5000&sort=price").items("id"))
                .containsExactly(pythonFundamentals, dataWrangling);
        assertThat(api.get("/courses?free=true").items("id")).containsExactly(freeGit);
        assertThat(api.get("/courses?free=false&size=100").items("id")).hasSize(6).doesNotContain(freeGit);
        assertThat(api.get("/courses?level=ADVANCED&sort=price").items("id")).containsExactly(machineLearning,
                kubernetes);
        assertThat(api.get("/courses?language=de").items("id")).containsExactly(statistics);
        assertThat(api.get("/courses?instructor=" + bob.id() + "&sort=newest,asc").items("id"))
                .containsExactly(statistics, javascript, kubernetes);
        assertThat(api.get("/courses?minRating=4.7&sort=rating").items("id"))
                .containsExactly(javascript, machineLearning, pythonFundamentals);
        assertThat(api.get("/courses?search=python&category=data-science").items("id"))
                .containsExactly(dataWrangling, statistics);
    }

    @Test
    void sortsByPopularityRatingNewestAndPrice() {
        assertThat(api.get("/courses?size=3").items("id")).containsExactly(freeGit, javascript, pythonFundamentals);
        assertThat(api.get("/courses?sort=popularity&size=3").items("id"))
                .containsExactly(freeGit, javascript, pythonFundamentals);
        assertThat(api.get("/courses?sort=rating&size=2").items("id")).containsExactly(javascript, machineLearning);
        assertThat(api.get("/courses?sort=newest&size=2").items("id")).containsExactly(machineLearning, freeGit);
        assertThat(api.get("/courses?sort=price&size=2").items("id")).containsExactly(freeGit, javascript);
        assertThat(api.get("/courses?sort=price,desc&size=1").items("id")).containsExactly(kubernetes);
    }

    @Test
    void pagesCarryTotals() {
        ApiResponse first = api.get("/courses?sort=price&size=3&page=0");
        ApiResponse last = api.get("/courses?sort=price&size=3&page=2");
        ApiResponse beyond = api.get("/courses?sort=price&size=3&page=5");

        assertThat(first.items("id")).hasSize(3);
        assertThat(first.body().get("totalItems").asLong()).isEqualTo(7);
        assertThat(first.body().get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.body().get("page").asInt()).isZero();
        assertThat(first.body().get("size").asInt()).isEqualTo(3);
        assertThat(last.items("id")).containsExactly(kubernetes);
        assertThat(beyond.items("id")).isEmpty();
        assertThat(beyond.body().get("totalItems").asLong()).isEqualTo(7);
    }

    @Test
    void smallListingsCountTheirTotalExactly() {
        ApiResponse all = api.get("/courses?size=3");
        assertThat(all.body().get("totalItems").asLong()).isEqualTo(7);
        assertThat(all.body().get("totalItemsExact").asBoolean()).isTrue();
        ApiResponse searched = api.get("/courses?search=python&size=1");
        assertThat(searched.body().get("totalItems").asLong()).isEqualTo(3);
        assertThat(searched.body().get("totalItemsExact").asBoolean()).isTrue();
        assertThat(searched.body().get("totalPages").asLong()).isEqualTo(3);
    }

    @Test
    void cursorPagesWalkTheWholeListingOnceInEverySort() {
        for (String sort : List.of("popularity", "rating", "newest", "price", "popularity,asc", "rating,asc",
                "newest,asc", "price,desc")) {
            List<String> byOffset = api.get("/courses?size=100&sort=" + sort).items("id");
            List<String> byCursor = new ArrayList<>();
            ApiResponse page = api.get("/courses?size=2&sort=" + sort);
            int number = 0;
            while (true) {
                assertThat(page.status()).as(sort + ": " + page).isEqualTo(200);
                assertThat(page.body().get("page").asInt()).as(sort).isEqualTo(number);
                assertThat(page.body().get("totalItems").asLong()).as(sort).isEqualTo(7);
                byCursor.addAll(page.items("id"));
                String cursor = page.text("nextCursor");
                if (cursor == null) {
                    break;
                }
                number++;
                page = api.get("/courses?size=2&sort=" + sort + "&cursor=" + cursor);
            }
            assertThat(byCursor).as(sort).isEqualTo(byOffset).hasSize(7);
        }
    }

    @Test
    void ascendingIsTheWholeOrderReversed() {
        for (String sort : List.of("popularity", "rating", "newest", "price")) {
            List<String> natural = api.get("/courses?size=100&sort=" + sort).items("id");
            String other = sort.equals("price") ? ",desc" : ",asc";
            assertThat(api.get("/courses?size=100&sort=" + sort + other).items("id")).as(sort)
                    .isEqualTo(natural.reversed());
        }
    }

    @Test
    void theOwnersDraftsCountAsNewest() {
        assertThat(api.as(alice).get("/courses?sort=newest&size=2").items("id"))
                .containsExactly(draft, machineLearning);
        assertThat(api.as(alice).get("/courses?sort=newest,asc&size=100").items("id")).endsWith(draft);
    }

    @Test
    void adminsPageThroughEveryStatusByCursor() {
        List<String> byNumber = api.as(admin).get("/admin/courses?size=100").items("id");
        assertThat(byNumber).contains(draft).first().isEqualTo(draft);
        List<String> byCursor = new ArrayList<>();
        ApiResponse page = api.as(admin).get("/admin/courses?size=3");
        while (true) {
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            byCursor.addAll(page.items("id"));
            if (page.text("nextCursor") == null) {
                break;
            }
            page = api.as(admin).get("/admin/courses?size=3&cursor=" + page.text("nextCursor"));
        }
        assertThat(byCursor).isEqualTo(byNumber);
    }

    @Test
    void cursorsOnlyContinueTheirOwnListing() {
        String cursor = api.get("/courses?size=2&sort=price&category=development").text("nextCursor");
        assertThat(cursor).isNotNull();
        assertThat(api.get("/courses?size=2&sort=price&category=development&cursor=" + cursor).status())
                .isEqualTo(200);
        for (String query : List.of("sort=price,desc&category=development", "sort=rating&category=development",
                "sort=price&category=design", "sort=price")) {
            ApiResponse refused = api.get("/courses?size=2&" + query + "&cursor=" + cursor);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        // a sort key that is not a price: refused before it reaches SQL
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .replaceFirst("\\[\"[^\"]*\"", "[\"1; DROP TABLE course\"").getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of(tampered, "not-a-cursor", "e30")) {
            ApiResponse refused = api.get("/courses?size=2&sort=price&category=development&cursor=" + bad);
            assertThat(refused.status()).as(bad + " -> " + refused).isEqualTo(400);
        }
    }

    @Test
    void pagesByNumberReachTenThousandCoursesDeep() {
        assertThat(api.get("/courses?page=500&size=20").status()).isEqualTo(200);
        ApiResponse tooDeep = api.get("/courses?page=501&size=20");
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.text("detail")).contains("cursor");
    }

    @Test
    void listItemsHaveTheContractShape() {
        ApiResponse found = api.get("/courses?search=kubernetes");
        var item = found.body().get("items").get(0);
        assertThat(item.get("instructor").get("id").asString()).isEqualTo(bob.id().toString());
        assertThat(item.get("category").get("slug").asString()).isEqualTo("development");
        assertThat(item.get("price").get("amount").asLong()).isEqualTo(12999);
        assertThat(item.get("rating").get("average").asDouble()).isEqualTo(4.5);
        assertThat(item.get("rating").get("count").asInt()).isEqualTo(80);
        assertThat(item.get("enrollmentCount").asInt()).isEqualTo(700);
    }

    @Test
    void badListingParametersAreProblems() {
        for (String query : List.of("size=0", "size=101", "page=-1", "sort=cheapest", "sort=price,up",
                "minRating=6", "minPrice=-1", "level=GURU", "minPrice=500&maxPrice=100", "instructor=nobody")) {
            ApiResponse refused = api.get("/courses?" + query);
            assertThat(refused.status()).as(query + " -> " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void categoriesAreATreeAnyoneCanRead() {
        ApiResponse tree = api.get("/categories");
        assertThat(tree.status()).isEqualTo(200);
        List<String> slugs = tree.body().get("items").findValuesAsString("slug");
        assertThat(slugs).contains("development", "business", "design", "data-science", "machine-learning");
        var dataScience = tree.body().get("items").get(3);
        assertThat(dataScience.get("slug").asString()).isEqualTo("data-science");
        assertThat(dataScience.get("children").get(0).get("slug").asString()).isEqualTo("machine-learning");
        assertThat(api.as(alice).post("/categories", Map.of("name", "Hacking")).status()).isEqualTo(403);
    }

    private static Map<String, Object> course(String title, String subtitle, String description, String category,
                                              String level, String language, long price, List<String> tags) {
        Map<String, Object> request = Courses.draft(title);
        if (subtitle != null) {
            request.put("subtitle", subtitle);
        }
        request.put("description", description);
        request.put("category", category);
        request.put("level", level);
        request.put("language", language);
        request.put("price", Map.of("amount", price, "currency", "USD"));
        request.put("tags", tags);
        return request;
    }

    private void stats(String courseId, double rating, int ratings, int enrollments) {
        jdbc.sql("UPDATE course SET rating_average = ?, rating_count = ?, enrollment_count = ? WHERE id = ?")
                .params(rating, ratings, enrollments, UUID.fromString(courseId)).update();
    }
}
