package io.skillwise.systemtests;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.skillwise.systemtests.StepFigures.Part;
import io.skillwise.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The mixed workload of one step ({@link MixedWorkloadStep}), through the gateway, as an open model: new users arrive
 * at fixed rates whatever the platform's speed, so a slow platform meets more users at once, as it would in
 * production. Four kinds of users:
 * <ul>
 *   <li>anonymous and signed-in visitors (40% each) list the newest courses, filter a category by price, search a
 *   word, open a course page and read its reviews;</li>
 *   <li>enrolled learners (15%) open their progress in a course, report time spent on its lesson, mark the lesson
 *   completed and list their enrollments;</li>
 *   <li>buyers (5%) check a course out, "Stripe" sends the signed {@code checkout.session.completed}, and the buyer's
 *   app polls the course's progress until the enrollment is readable (a Gatling group, timed as a whole).</li>
 * </ul>
 * Every call's response time, or its failure, is noted in the step's {@link StepFigures}; Gatling keeps its own HTML
 * report beside them. Started by {@code MixedWorkloadLoadIT} only.
 */
public class MixedWorkloadSimulation extends Simulation {

    private static final String RESPONSE_MILLIS = "responseMillis";
    private static final Duration ENROLLMENT_POLL = Duration.ofMillis(5);
    private static final Duration ENROLLMENT_PATIENCE = Duration.ofSeconds(10);

    private final MixedWorkloadStep step = MixedWorkloadStep.current();
    private final StepFigures figures = step.figures();

    public MixedWorkloadSimulation() {
        List<Map<String, Object>> visited = step.courses().stream()
                .map(course -> Map.<String, Object>of("courseId", course)).toList();
        List<Map<String, Object>> signedIn = step.signedIn().stream()
                .map(token -> Map.<String, Object>of("token", token)).toList();

        ScenarioBuilder anonymous = scenario("anonymous visitor")
                .feed(listFeeder(visited).circular())
                .exec(browsing("anonymous", false));
        ScenarioBuilder signedInVisitor = scenario("signed-in visitor")
                .feed(listFeeder(visited).circular())
                .feed(listFeeder(signedIn).circular())
                .exec(browsing("signed in", true));
        ScenarioBuilder learner = scenario("learner")
                .feed(listFeeder(step.learners()).circular())
                .exec(learning());
        ScenarioBuilder buyer = scenario("buyer")
                .feed(step.purchases())
                .exec(purchase());

        setUp(arriving(anonymous, MixedWorkloadStep.ANONYMOUS_BROWSING),
                arriving(signedInVisitor, MixedWorkloadStep.SIGNED_IN_BROWSING),
                arriving(learner, MixedWorkloadStep.LEARNING),
                arriving(buyer, MixedWorkloadStep.PURCHASES))
                // no warm-up call to Gatling's web site: the build talks to the local platform only
                .protocols(http.baseUrl(step.gatewayUrl()).disableWarmUp().acceptHeader("application/json"));
    }

    private PopulationBuilder arriving(ScenarioBuilder scenario, double share) {
        return scenario.injectOpen(constantUsersPerSec(step.usersPerSecond() * share).during(step.hold())
                .randomized());
    }

    private ChainBuilder browsing(String who, boolean withToken) {
        String listing = "/api/v1/courses?category=" + step.category() + "&maxPrice=5000&sort=price&size=20";
        return exec(timed(Part.BROWSING, who + ": list newest courses",
                authorized(http(who + ": list newest courses").get("/api/v1/courses?page=0&size=20&sort=newest"),
                        withToken)))
                .exec(timed(Part.BROWSING, who + ": filter category by price",
                        authorized(http(who + ": filter category by price").get(listing), withToken)))
                .exec(timed(Part.BROWSING, who + ": search a word",
                        authorized(http(who + ": search a word").get("/api/v1/courses?search=" + step.keyword()
                                + "&size=20"), withToken)))
                .exec(timed(Part.BROWSING, who + ": course page",
                        authorized(http(who + ": course page").get("/api/v1/courses/#{courseId}"), withToken)))
                .exec(timed(Part.BROWSING, who + ": course reviews",
                        authorized(http(who + ": course reviews")
                                .get("/api/v1/courses/#{courseId}/reviews?sort=helpful&page=0&size=10"), withToken)));
    }

    private ChainBuilder learning() {
        return exec(timed(Part.LEARNING, "progress in a course",
                authorized(http("progress in a course").get("/api/v1/progress/#{courseId}"), true)
                        .check(jmesPath("enrollmentId").saveAs("enrollmentId"),
                                jmesPath("lessons[0].lessonId").saveAs("lessonId"))))
                .exitHereIfFailed()
                .exec(timed(Part.LEARNING, "time spent on a lesson",
                        authorized(http("time spent on a lesson").post("/api/v1/lessons/#{lessonId}/activity")
                                .body(StringBody("{\"seconds\": 60}")).asJson(), true)))
                .exec(timed(Part.LEARNING, "lesson completed",
                        authorized(http("lesson completed").patch("/api/v1/enrollments/#{enrollmentId}/progress")
                                .body(StringBody("{\"lessonId\": \"#{lessonId}\", \"completed\": true}")).asJson(),
                                true)))
                .exec(timed(Part.LEARNING, "list my enrollments",
                        authorized(http("list my enrollments").get("/api/v1/enrollments?size=20"), true)));
    }

    private ChainBuilder purchase() {
        return exec(timed(Part.PURCHASE, "checkout",
                authorized(http("checkout").post("/api/v1/payments/create")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody("{\"courseId\": \"#{courseId}\"}")).asJson(), true)
                        .check(status().is(201), bodyString().saveAs("order"))))
                .exitHereIfFailed()
                .exec(MixedWorkloadSimulation::signCompletion)
                .exec(timed(Part.PURCHASE, "signed webhook",
                        http("signed webhook").post("/api/v1/payments/webhook")
                                .header("Stripe-Signature", "#{signature}")
                                .body(StringBody(session -> session.getString("payload"))).asJson()
                                .check(status().is(200), jmesPath("result").is("APPLIED"))))
                .exitHereIfFailed()
                .exec(session -> session.set("acceptedAt", System.nanoTime()).set("enrolledAt", 0L))
                .group("purchase to enrollment").on(
                        asLongAs(session -> session.getLong("enrolledAt") == 0L && !patienceOver(session)).on(
                                exec(timed(Part.PURCHASE, "progress polled after the webhook",
                                        authorized(http("progress polled after the webhook")
                                                .get("/api/v1/progress/#{courseId}"), true)
                                                .check(status().in(200, 404).saveAs("polled"))))
                                        .exec(session -> session.getInt("polled") == 200
                                                ? session.set("enrolledAt", System.nanoTime()) : session)
                                        .doIf(session -> session.getLong("enrolledAt") == 0L)
                                        .then(pause(ENROLLMENT_POLL))))
                .exec(session -> {
                    long enrolledAt = session.getLong("enrolledAt");
                    if (enrolledAt == 0L) {
                        figures.enrollmentNeverSeen();
                    } else {
                        figures.enrolledAfter(enrolledAt - session.getLong("acceptedAt"));
                    }
                    return session;
                });
    }

    /** What "Stripe" sends for the order just created: the completed Checkout Session, signed now. */
    private static Session signCompletion(Session session) {
        JsonNode order = ApiClient.JSON.readTree(session.getString("order"));
        String payload = SignedWebhooks.checkoutCompleted(UUID.fromString(order.path("orderId").asString()),
                order.path("amount").path("amount").asLong(), order.path("amount").path("currency").asString());
        return session.set("payload", payload)
                .set("signature", SignedWebhooks.signature(payload, SignedWebhooks.LOCAL_SECRET));
    }

    private static boolean patienceOver(Session session) {
        return System.nanoTime() - session.getLong("acceptedAt") > ENROLLMENT_PATIENCE.toNanos();
    }

    private static HttpRequestActionBuilder authorized(HttpRequestActionBuilder request, boolean withToken) {
        return withToken ? request.header("Authorization", "Bearer #{token}") : request;
    }

    /**
     * The call, its response time saved before any other check can fail, then noted: answered as expected, or
     * failed (Gatling marks the user's session failed on a wrong status, a failed check or no answer at all).
     */
    private ChainBuilder timed(Part part, String name, HttpRequestActionBuilder request) {
        return exec(session -> session.markAsSucceeded().remove(RESPONSE_MILLIS))
                .exec(request.check(responseTimeInMillis().saveAs(RESPONSE_MILLIS)))
                .exec(session -> {
                    if (session.isFailed() || !session.contains(RESPONSE_MILLIS)) {
                        figures.failed(part, name);
                    } else {
                        figures.answered(part, name, session.getInt(RESPONSE_MILLIS));
                    }
                    return session;
                });
    }
}
