package io.skillwise.promotion.support;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Test steps shared by the promotion tests: courses in the replica, coupons, quotes as payment-service asks. */
public final class Promotions {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    public static final TestUser PAYMENT = TestUser.service("payment-service");

    private final ApiClient api;
    private final ApiClient service;
    private final TopicRecords topics;

    public Promotions(ApiClient api, ApiClient service, TopicRecords topics) {
        this.api = api;
        this.service = service;
        this.topics = topics;
    }

    /** Publishes courses on the catalog topic and waits until promotion-service can price them. */
    public CoursePublished course(UUID instructorId, long price) {
        return courses(instructorId, price).getFirst();
    }

    public List<CoursePublished> courses(UUID instructorId, long... prices) {
        List<CoursePublished> courses = java.util.Arrays.stream(prices)
                .mapToObj(price -> Courses.published(instructorId, price)).toList();
        topics.publish(courses.toArray(CoursePublished[]::new));
        UUID buyer = UUID.randomUUID();
        for (CoursePublished course : courses) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(quoteCourse(buyer, course.courseId(), null, null)
                    .status()).isEqualTo(200));
        }
        return courses;
    }

    public ApiResponse quoteCourse(UUID buyerId, UUID courseId, String couponCode, String referralCode) {
        return quote(buyerId, "courseId", courseId, couponCode, referralCode);
    }

    public ApiResponse quoteBundle(UUID buyerId, UUID bundleId, String couponCode, String referralCode) {
        return quote(buyerId, "bundleId", bundleId, couponCode, referralCode);
    }

    private ApiResponse quote(UUID buyerId, String field, UUID id, String couponCode, String referralCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("buyerId", buyerId);
        body.put(field, id);
        if (couponCode != null) {
            body.put("couponCode", couponCode);
        }
        if (referralCode != null) {
            body.put("referralCode", referralCode);
        }
        return service.as(PAYMENT).post("/internal/promotions/quote", body);
    }

    /** A coupon made through the API by its owner; fields as the API takes them. */
    public JsonNode coupon(TestUser owner, Map<String, Object> fields) {
        return api.as(owner).post("/promotions/coupons", fields).assertStatus(201).body();
    }

    public static Map<String, Object> percentCoupon(String code, int percent, UUID... courseIds) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("code", code);
        fields.put("kind", "PERCENT");
        fields.put("percentOff", percent);
        fields.put("scope", "COURSES");
        fields.put("courseIds", List.of(courseIds));
        return fields;
    }

    public static Map<String, Object> money(long amount) {
        return Map.of("amount", amount, "currency", "USD");
    }

    public static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** The amount of a money member, e.g. {@code amount(quote, "total")}. */
    public static long amount(JsonNode node, String field) {
        return node.path(field).path("amount").asLong();
    }
}
