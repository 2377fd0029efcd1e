package io.skillwise.promotion.guessing;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.promotion.PromotionApplication;
import io.skillwise.kit.web.ClientAddress;
import io.skillwise.promotion.support.PromotionApiTest;
import io.skillwise.promotion.support.Promotions;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.skillwise.promotion.support.Promotions.code;
import static io.skillwise.promotion.support.Promotions.percentCoupon;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coupon and referral codes cannot be guessed at promotion-service either, whatever reaches it: 10 failed look-ups
 * per buyer and 30 per client address in a window, then 429 with Retry-After for every quote naming a code; counted
 * in PostgreSQL, so every instance holds the same line.
 */
class CodeGuessingIT extends PromotionApiTest {

    private static final int PER_USER = 10;
    private static final int PER_ADDRESS = 30;

    @Autowired
    Environment environment;

    private CoursePublished course;

    @BeforeEach
    void courseOnSale() {
        course = promotions.course(instructor.id(), 2500);
    }

    @Test
    void fourteenGuessesWithAnEscapedKeyEndInTooManyRequests() {
        TestUser guesser = TestUser.student();
        String address = newAddress();

        List<ApiResponse> answers = new ArrayList<>();
        for (int guess = 1; guess <= 14; guess++) {
            answers.add(preview(guesser, address, "{\"courseId\":\"" + course.courseId()
                    + "\",\"coupon\\u0043ode\":\"GUESS-" + guess + "\"}"));
        }

        assertThat(answers.subList(0, PER_USER)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().at("/rejected/0/reason").asString()).isEqualTo("INVALID_CODE");
        });
        assertThat(answers.subList(PER_USER, 14)).allSatisfy(this::assertTooManyGuesses);
    }

    @Test
    void aBlockedBuyerStillBuysWithoutACodeAndNoCodeOfTheirsIsLookedUp() {
        TestUser guesser = TestUser.student();
        String address = newAddress();
        String realCode = code("REAL");
        promotions.coupon(instructor, percentCoupon(realCode, 20, course.courseId()));
        guessUntilBlocked(guesser, address);

        assertTooManyGuesses(preview(guesser, address, Map.of("courseId", course.courseId(), "couponCode", realCode)));
        assertThat(preview(guesser, address, Map.of("courseId", course.courseId())).status()).isEqualTo(200);
        assertThat(preview(TestUser.student(), address, Map.of("courseId", course.courseId(), "couponCode", realCode))
                .body().at("/coupon/code").asString()).as("another buyer from the same address").isEqualTo(realCode);
    }

    @Test
    void aRightCodeIsNeverCounted() {
        TestUser buyer = TestUser.student();
        String address = newAddress();
        String realCode = code("RIGHT");
        promotions.coupon(instructor, percentCoupon(realCode, 10, course.courseId()));

        for (int quote = 0; quote < PER_USER + 5; quote++) {
            ApiResponse answer = preview(buyer, address, Map.of("courseId", course.courseId(), "couponCode", realCode));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("rejected")).isEmpty();
        }
    }

    @Test
    void oneAddressIsLimitedAcrossBuyers() {
        String address = newAddress();
        for (int buyer = 0; buyer < PER_ADDRESS / PER_USER; buyer++) {
            guessUntilBlocked(TestUser.student(), address);
        }

        TestUser fresh = TestUser.student();
        assertTooManyGuesses(preview(fresh, address, wrongCode()));
        assertThat(preview(fresh, newAddress(), wrongCode()).status()).as("the same buyer from elsewhere")
                .isEqualTo(200);
    }

    @Test
    void checkoutQuotesFromPaymentServiceCountForTheBuyerAndTheAddressItPassesOn() {
        TestUser guesser = TestUser.student();
        String address = newAddress();
        for (int guess = 0; guess < PER_USER; guess++) {
            assertThat(checkoutQuote(guesser, null).status()).isEqualTo(200);
        }

        assertTooManyGuesses(checkoutQuote(guesser, null));
        assertTooManyGuesses(preview(guesser, address, wrongCode()));
        // without an address passed on, payment-service's own address is never counted: other buyers go on
        assertThat(checkoutQuote(TestUser.student(), null).status()).isEqualTo(200);

        String sharedAddress = newAddress();
        for (int buyer = 0; buyer < PER_ADDRESS / PER_USER; buyer++) {
            TestUser someone = TestUser.student();
            for (int guess = 0; guess < PER_USER; guess++) {
                assertThat(checkoutQuote(someone, sharedAddress).status()).isEqualTo(200);
            }
        }
        assertTooManyGuesses(checkoutQuote(TestUser.student(), sharedAddress));
    }

    @Test
    void twoInstancesShareTheCounters() {
        TestUser guesser = TestUser.student();
        String address = newAddress();
        try (ConfigurableApplicationContext second = secondInstance()) {
            ApiClient other = ApiClient.api(second.getEnvironment().getRequiredProperty("local.server.port",
                    Integer.class));
            for (int guess = 0; guess < PER_USER; guess++) {
                ApiClient instance = guess % 2 == 0 ? api : other;
                assertThat(from(instance, guesser, address).post("/promotions/quote", wrongCode()).status())
                        .isEqualTo(200);
            }

            assertTooManyGuesses(from(other, guesser, address).post("/promotions/quote", wrongCode()));
            assertTooManyGuesses(from(api, guesser, address).post("/promotions/quote", wrongCode()));
        }
    }

    private void guessUntilBlocked(TestUser guesser, String address) {
        for (int guess = 0; guess < PER_USER; guess++) {
            assertThat(preview(guesser, address, wrongCode()).status()).isEqualTo(200);
        }
    }

    /** As the gateway forwards a buyer's call: their token, and the address it saw them at. */
    private static ApiClient from(ApiClient client, TestUser buyer, String address) {
        return client.as(buyer).withHeader(ClientAddress.HEADER, address);
    }

    private ApiResponse preview(TestUser buyer, String address, Object body) {
        return from(api, buyer, address).post("/promotions/quote", body);
    }

    private ApiResponse checkoutQuote(TestUser buyer, String address) {
        Map<String, Object> body = Map.of("buyerId", buyer.id(), "courseId", course.courseId(),
                "couponCode", code("NOPE"));
        return service.as(Promotions.PAYMENT).withHeader(ClientAddress.HEADER, address)
                .post("/internal/promotions/quote", body);
    }

    private Map<String, Object> wrongCode() {
        return Map.of("courseId", course.courseId(), "couponCode", code("WRONG"));
    }

    private void assertTooManyGuesses(ApiResponse answer) {
        answer.assertProblem(429);
        assertThat(answer.text("type")).isEqualTo("https://skillwise.io/problems/too-many-requests");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 600L);
    }

    /** Every test guesses from an address of its own (TEST-NET-2), so tests do not count against each other. */
    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** Another promotion-service on the same database, Kafka and token issuer, as a second replica would run. */
    private ConfigurableApplicationContext secondInstance() {
        String group = environment.getRequiredProperty("spring.kafka.consumer.group-id") + "-2";
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.consumer.group-id=" + group));
        for (String key : List.of("spring.datasource.url", "spring.datasource.username",
                "spring.kafka.bootstrap-servers", "skillwise.security.issuer", "skillwise.security.jwk-set-uri",
                "spring.data.redis.host", "spring.data.redis.port")) {
            arguments.add("--" + key + "=" + environment.getRequiredProperty(key));
        }
        return new SpringApplicationBuilder(PromotionApplication.class).run(arguments.toArray(String[]::new));
    }
}
