package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22's listing through the gateway, as a visitor browses: pages by number with exact small totals, the
 * cursor of each page continuing the listing (keyset paging), and a cursor that belongs to another listing refused.
 */
class CatalogBrowsingIT {

    private static DevStack platform;
    private static String api;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        api = PlatformUsers.api(platform);
    }

    @Test
    void aVisitorPagesThroughACategoryByNumberAndByCursor() {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        String category = PublishedCourses.category(platform);
        List<UUID> cheapestFirst = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            cheapestFirst.add(PublishedCourses.paid(platform, instructor, category, "Browsing course " + i, 1000L * i));
        }
        String listing = api + "/courses?category=" + category + "&sort=price&size=2";

        JsonNode first = get(listing);
        assertThat(first.path("totalItems").asLong()).isEqualTo(5);
        assertThat(first.path("totalItemsExact").asBoolean()).isTrue();
        assertThat(first.path("totalPages").asLong()).isEqualTo(3);
        List<UUID> byCursor = new ArrayList<>(ids(first));
        JsonNode page = first;
        while (page.hasNonNull("nextCursor")) {
            page = get(listing + "&cursor=" + page.path("nextCursor").asString());
            byCursor.addAll(ids(page));
        }
        assertThat(byCursor).isEqualTo(cheapestFirst);
        assertThat(page.path("page").asInt()).isEqualTo(2);
        assertThat(ids(get(listing + "&page=1"))).isEqualTo(cheapestFirst.subList(2, 4));

        HttpResponse<String> foreign = Http.get(api + "/courses?category=" + category + "&sort=newest&size=2&cursor="
                + first.path("nextCursor").asString(), null);
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(400);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    private static JsonNode get(String url) {
        HttpResponse<String> response = Http.get(url, null);
        assertThat(response.statusCode()).as(url + " -> " + response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(UUID.fromString(item.path("id").asString())));
        return ids;
    }
}
