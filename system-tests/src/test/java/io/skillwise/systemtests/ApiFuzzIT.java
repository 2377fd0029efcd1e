package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.systemtests.FuzzRequests.FuzzRequest;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.OpenApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests generated from the gateway's merged OpenAPI document, each breaking one rule the document states
 * ({@link FuzzRequests}), sent through the gateway with the token of a user whose role may call the operation, so
 * they reach the service's own validation. Whatever was broken, the platform must answer with a problem and keep
 * nothing: no 5xx; every 4xx an {@code application/problem+json} with the kit's fields; no write accepted; and the
 * same number of rows in every table and documents in every collection of every service afterwards.
 * <p>
 * Seeded and reproducible: {@code -Dskillwise.fuzz.seed=N} (default {@value #DEFAULT_SEED}, so a build fails only for a
 * change in the code; {@code random} for a new one, to explore; printed at the start and in every failure) and
 * {@code -Dskillwise.fuzz.requests=N} (default 2,000). docs/testing.md#fuzzing.
 */
class ApiFuzzIT {

    static final long DEFAULT_SEED = 20261205L;
    private static final long SEED = seed(System.getProperty("skillwise.fuzz.seed"));
    private static final int REQUESTS = Integer.getInteger("skillwise.fuzz.requests", 2_000);
    private static final String PROBLEM_TYPE_BASE = "https://skillwise.io/problems/";
    /** Enough of each operation's answers to see what went wrong, without drowning the message. */
    private static final int SHOWN_PER_OPERATION = 3;

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void everyRequestThatBreaksTheDocumentIsRefusedWithAProblemAndStoresNothing() {
        System.out.printf("[fuzz] seed %d, %d requests (-Dskillwise.fuzz.seed=%d -Dskillwise.fuzz.requests=%d)%n",
                SEED, REQUESTS, SEED, REQUESTS);
        OpenAPI document = MergedApiDocumentIT.mergedDocument(platform);
        List<FuzzRequest> requests = FuzzRequests.generate(document, SEED, REQUESTS);
        Callers callers = new Callers(platform, document);
        callers.signIn();

        Map<String, Long> before = StoredRows.settled(platform);
        Map<String, List<String>> failures = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long begin = System.nanoTime();
        for (FuzzRequest request : requests) {
            ApiResponse answer = callers.send(request);
            if (answer == null) {
                failures.computeIfAbsent(request.operation().name(), name -> new ArrayList<>())
                        .add("no answer (connection closed) to " + request);
                continue;
            }
            statuses.merge(answer.status(), 1, Integer::sum);
            String broken = brokenRule(request, answer);
            if (broken != null) {
                failures.computeIfAbsent(request.operation().name(), name -> new ArrayList<>())
                        .add(broken + " -- " + request + " -> " + answer.status() + " " + answer.contentType() + " "
                                + Answers.abbreviated(answer.text()));
            }
        }
        System.out.printf("[fuzz] %d requests over %d operations in %.1f s; answers by status: %s%n", requests.size(),
                FuzzRequests.operations(document).size(), (System.nanoTime() - begin) / 1e9, statuses);
        List<String> changed = StoredRows.changes(before, StoredRows.settled(platform));

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(failures).as(() -> report(failures)).isEmpty();
            softly.assertThat(changed).as("seed %d: stored rows changed although every request was refused", SEED)
                    .isEmpty();
        });
    }

    /** What in the answer breaks the platform's rules, or null when it keeps them. */
    private static String brokenRule(FuzzRequest request, ApiResponse answer) {
        int status = answer.status();
        if (status >= 500) {
            return "a server error";
        }
        if (status < 400) {
            return request.operation().writes() ? "accepted a write the document forbids" : null;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return "a " + status + " that is not application/problem+json";
        }
        JsonNode problem = answer.body();
        if (!problem.path("type").asString("").startsWith(PROBLEM_TYPE_BASE)
                || problem.path("title").asString("").isBlank() || problem.path("status").asInt() != status) {
            return "a problem without the kit's type, title and status";
        }
        return null;
    }

    private static String report(Map<String, List<String>> failures) {
        int total = failures.values().stream().mapToInt(List::size).sum();
        StringBuilder report = new StringBuilder().append("seed ").append(SEED)
                .append(" (rerun with -Dskillwise.fuzz.seed=")
                .append(SEED).append(" -Dskillwise.fuzz.requests=").append(REQUESTS).append("): ").append(total)
                .append(" answers broke the rules, in ").append(failures.size()).append(" operations");
        failures.forEach((operation, each) -> {
            report.append("\n").append(operation).append(" (").append(each.size()).append("):");
            each.stream().limit(SHOWN_PER_OPERATION).forEach(failure -> report.append("\n    ").append(failure));
        });
        return report.toString();
    }

    /**
     * The users the requests are sent as: for each operation the least privileged caller its
     * {@code x-skillwise-access} admits -- a student, else an instructor, else the admin -- so that requests pass the
     * role check and reach the service's validation, as in {@link SecurityMatrixIT}.
     */
    private static final class Callers {

        private final ApiClient gateway;
        private final Map<String, OpenApiContract.Access> accessByName = new LinkedHashMap<>();
        private final DevStack platform;
        private CallersByRole callers;

        Callers(DevStack platform, OpenAPI document) {
            this.platform = platform;
            this.gateway = ApiClient.at(platform.gatewayUrl());
            OpenApiContract.accessOf(document).forEach(access ->
                    accessByName.put(access.method() + " " + access.path(), access));
        }

        void signIn() {
            callers = new CallersByRole(PlatformUsers.verifiedStudent(platform), PlatformUsers.instructor(platform),
                    PlatformUsers.admin(platform));
        }

        ApiResponse send(FuzzRequest request) {
            return sendAs(callers.leastPrivileged(accessByName.get(request.operation().name())), request);
        }

        private ApiResponse sendAs(PlatformUsers.Session session, FuzzRequest request) {
            HttpRequest.Builder builder = gateway.withToken(session.token()).request(request.target());
            request.headers().forEach(builder::header);
            builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            try {
                return gateway.send(builder);
            } catch (UncheckedIOException e) {
                return null;
            }
        }
    }

    /** The seed asked for: a number, {@code random} for a new one, or the default when none is given. */
    static long seed(String asked) {
        if (asked == null || asked.isBlank()) {
            return DEFAULT_SEED;
        }
        return asked.equals("random") ? System.nanoTime() : Long.parseLong(asked.strip());
    }
}
