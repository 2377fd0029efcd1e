package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22's listing through the gateway, as a visitor browses: pages by number with exact small totals, the
 * cursor of each page continuing the listing (keyset paging), and a cursor that belongs to another listing refused.
 */
class CatalogBrowsingIT {

    private static DevStack platform;
    private static ApiClient visitor;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        visitor = PlatformUsers.api(platform);
    }

    @Test
    void aVisitorPagesThroughACategoryByNumberAndByCursor() {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        String category = PublishedCourses.category(platform);
        List<String> cheapestFirst = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            UUID course = PublishedCourses.paid(platform, instructor, category, "Browsing course " + i, 1000L * i);
            cheapestFirst.add(course.toString());
        }
        String listing = "/courses?category=" + category + "&sort=price&size=2";

        ApiResponse first = visitor.get(listing).assertStatus(200);
        assertThat(first.body().path("totalItems").asLong()).isEqualTo(5);
        assertThat(first.body().path("totalItemsExact").asBoolean()).isTrue();
        assertThat(first.body().path("totalPages").asLong()).isEqualTo(3);
        List<String> byCursor = new ArrayList<>(first.items("id"));
        ApiResponse page = first;
        while (page.text("nextCursor") != null) {
            page = visitor.get(listing + "&cursor=" + page.text("nextCursor")).assertStatus(200);
            byCursor.addAll(page.items("id"));
        }
        assertThat(byCursor).isEqualTo(cheapestFirst);
        assertThat(page.body().path("page").asInt()).isEqualTo(2);
        assertThat(visitor.get(listing + "&page=1").assertStatus(200).items("id"))
                .isEqualTo(cheapestFirst.subList(2, 4));

        visitor.get("/courses?category=" + category + "&sort=newest&size=2&cursor=" + first.text("nextCursor"))
                .assertProblem(400);
    }
}
