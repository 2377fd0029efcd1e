package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.OpenApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Function-level authorization of the whole API (OWASP API5), generated from the merged OpenAPI document the gateway
 * serves, so that a new route is covered without anyone adding it here: every operation's {@code x-skillwise-access}
 * (which the kit writes from the code's {@code @PreAuthorize} and public routes, docs/security.md) is tried through
 * the gateway with real Keycloak tokens. Every operation that needs a token answers 401 without one; every operation
 * whose roles a student (or an instructor) lacks answers that caller 403, with a well-formed request made from the
 * document's examples, so the refusal is the access rule's and not the input's. What the callers may read answers
 * without secrets and without other users' e-mail addresses (OWASP API3).
 */
class SecurityMatrixIT {

    private static DevStack platform;
    private static OpenAPI document;
    private static List<OpenApiContract.Access> operations;
    private static Map<String, Caller> callers;

    /** A signed-in user of the platform and the realm roles its tokens carry. */
    private record Caller(String name, PlatformUsers.Session session, List<String> roles) {

        ApiClient client(DevStack platform) {
            return ApiClient.at(platform.gatewayUrl()).withToken(session.token());
        }
    }

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        document = mergedDocument();
        operations = OpenApiContract.accessOf(document);
        callers = Map.of(
                "student", new Caller("student", PlatformUsers.verifiedStudent(platform), List.of("student")),
                "instructor", new Caller("instructor", PlatformUsers.instructor(platform),
                        List.of("student", "instructor")),
                "admin", new Caller("admin", PlatformUsers.admin(platform), List.of("student", "instructor", "admin")));
    }

    @Test
    void everyOperationThatNeedsATokenRefusesACallerWithoutOne() {
        ExampleRequests requests = new ExampleRequests(document);
        ApiClient anonymous = ApiClient.at(platform.gatewayUrl());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (OpenApiContract.Access access : operations) {
            if (access.isPublic()) {
                continue;
            }
            ApiResponse answer = send(anonymous, access, requests);
            checked++;
            if (answer.status() != 401 || !Answers.isProblem(answer)) {
                wrong.add(access.method() + " " + access.path() + " answered " + answer.status());
            }
        }
        System.out.printf("[security-matrix] %d operations need a token: each refused without one%n", checked);
        assertThat(checked).as("operations that need a token").isPositive();
        assertThat(wrong).as("operations that do not answer 401 without a token").isEmpty();
    }

    @Test
    void everyOperationRefusesWithForbiddenTheCallersWhoLackItsRole() {
        ExampleRequests requests = new ExampleRequests(document);
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        int refusals = 0;
        for (OpenApiContract.Access access : operations) {
            for (Caller caller : List.of(callers.get("student"), callers.get("instructor"), callers.get("admin"))) {
                cells++;
                if (access.isPublic() || access.admits(caller.roles())) {
                    continue;
                }
                refusals++;
                ApiResponse answer = send(caller.client(platform), access, requests);
                if (answer.status() != 403 || !Answers.isProblem(answer)) {
                    wrong.add(access.method() + " " + access.path() + " as " + caller.name() + " answered "
                            + answer.status() + " " + answer.text());
                }
            }
        }
        System.out.printf("[security-matrix] %d operations x 3 roles = %d cells; %d refusals by role checked%n",
                operations.size(), cells, refusals);
        assertThat(refusals).as("role refusals the matrix checks").isPositive();
        assertThat(wrong).as("operations that let in, or refuse otherwise than 403, a caller without their role")
                .isEmpty();
    }

    @Test
    void whatEachCallerMayReadCarriesNoSecretAndNoOneElsesEmail() {
        List<String> leaks = new ArrayList<>();
        int read = 0;
        for (OpenApiContract.Access access : operations) {
            if (!access.method().equals("GET") || access.path().contains("{") || isStream(access)) {
                continue;
            }
            for (Caller caller : callers.values()) {
                if (!access.admits(caller.roles())) {
                    continue;
                }
                ApiResponse answer = send(caller.client(platform), access, new ExampleRequests(document));
                read++;
                // admins manage accounts and see addresses; no one sees a secret
                Set<String> othersEmails = caller.name().equals("admin") ? Set.of() : othersEmails(caller);
                ResponseLeaks.in(answer.text(), othersEmails).forEach(leak ->
                        leaks.add("GET " + access.path() + " as " + caller.name() + " " + leak));
            }
        }
        System.out.printf("[security-matrix] %d answers read for secrets and others' e-mail addresses%n", read);
        assertThat(read).isPositive();
        assertThat(leaks).as("answers that carry a secret or someone else's e-mail address").isEmpty();
    }

    private static ApiResponse send(ApiClient client, OpenApiContract.Access access, ExampleRequests requests) {
        return client.send(access.method(), requests.target(access), requests.body(access));
    }

    /**
     * An operation that answers a server-sent event stream, whose answer never ends: not read for leaks here (the
     * notifications it carries are the caller's own, docs/notifications.md).
     */
    private static boolean isStream(OpenApiContract.Access access) {
        var ok = access.operation().getResponses().get("200");
        return ok != null && ok.getContent() != null && ok.getContent().containsKey("text/event-stream");
    }

    private static Set<String> othersEmails(Caller caller) {
        Set<String> emails = new java.util.HashSet<>();
        callers.values().stream().filter(other -> other != caller)
                .forEach(other -> emails.add(other.session().email().toLowerCase(Locale.ROOT)));
        return emails;
    }

    private static OpenAPI mergedDocument() {
        ApiClient gateway = ApiClient.at(platform.gatewayUrl());
        // a service makes its document on the first request; until every service answered, the merged one says so
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> OpenApiContract.parse(gateway.get("/v3/api-docs").assertStatus(200).text()),
                        merged -> !merged.getInfo().getDescription().contains("Not included"));
    }
}
