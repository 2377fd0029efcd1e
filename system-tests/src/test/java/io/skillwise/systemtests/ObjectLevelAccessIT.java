package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.systemtests.OwnedObjects.Owned;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.OpenApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object-level authorization of the whole API (OWASP API1, BOLA), generated from the merged OpenAPI document the
 * gateway serves: for every operation whose path names an object, the document says through
 * {@code x-skillwise-access} whether the object belongs to someone ({@code objectOwner}); for each such operation a
 * second user of the same role -- a student and an instructor with nothing to do with the object -- sends a
 * well-formed request naming the first user's real object ({@link OwnedObjects}) and must get 403 or 404, and the
 * owner's read of the object must answer the same afterwards. Nothing is stored by any of these refusals.
 * <p>
 * Every operation with a path variable must be accounted for, so a new route cannot slip through: public by the
 * document, for admins only (the function-level matrix of {@link SecurityMatrixIT} covers those), owned and covered
 * by an object here, or listed in {@link #NOT_OWNED} with the reason its object belongs to no one.
 */
class ObjectLevelAccessIT {

    /**
     * Operations that name an object which has no owner to protect, each with the reason. The test fails for an
     * entry the document no longer has, or one that became public or owned, so the list stays true.
     */
    static final Map<String, String> NOT_OWNED = Map.ofEntries(
            Map.entry("POST /api/v1/courses/{id}/enroll",
                    "enrols the caller themselves in a published free course; the course is public"),
            Map.entry("POST /api/v1/courses/{id}/reviews",
                    "writes the caller's own review of a public course; review-service admits only its learners"),
            Map.entry("GET /api/v1/courses/{id}/reviews/mine", "reads the caller's own review of the course"),
            Map.entry("GET /api/v1/courses/{id}/reviews/eligibility",
                    "says whether the caller themselves may review the course"),
            Map.entry("POST /api/v1/reviews/{id}/helpful", "the caller's own vote on a public review"),
            Map.entry("DELETE /api/v1/reviews/{id}/helpful", "withdraws the caller's own vote on a public review"),
            Map.entry("POST /api/v1/reviews/{id}/report", "anyone signed in may report a public review"),
            Map.entry("GET /api/v1/affiliates/programs/{id}",
                    "an affiliate program is shown to every signed-in user, who may join it (its results and closing "
                            + "are the instructor's)"),
            Map.entry("POST /api/v1/affiliates/programs/{id}/join",
                    "an open affiliate program is open to every instructor; the membership is the caller's"));

    private static DevStack platform;
    private static OpenAPI document;
    private static OwnedObjects objects;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        document = MergedApiDocumentIT.mergedDocument(platform);
        objects = OwnedObjects.of(platform);
    }

    @Test
    void everyOperationWithAPathVariableIsPublicForAdminsOwnedOrExplained() {
        List<String> unexplained = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        Set<String> listed = new java.util.HashSet<>(NOT_OWNED.keySet());
        for (OpenApiContract.Access access : OpenApiContract.accessOf(document)) {
            String name = access.method() + " " + access.path();
            boolean explained = listed.remove(name);
            if (OwnedObjects.segmentsOf(access.path()).isEmpty()) {
                continue;
            }
            switch (kindOf(access)) {
                case PUBLIC, ADMINS -> {
                    if (explained) {
                        unexplained.add(name + " is listed as not owned but the document says " + kindOf(access));
                    }
                }
                case OWNED -> {
                    if (explained) {
                        unexplained.add(name + " is listed as not owned but declares objectOwner");
                    }
                    if (objects.objectsOf(access.path()).isEmpty()) {
                        uncovered.add(name + " (segments " + OwnedObjects.segmentsOf(access.path()) + ")");
                    }
                }
                case UNOWNED -> {
                    if (!explained) {
                        unexplained.add(name);
                    }
                }
            }
        }
        listed.forEach(stale -> unexplained.add(stale + " is listed as not owned but is not in the document"));
        assertThat(uncovered).as("owned operations whose objects OwnedObjects cannot make: add the kind there")
                .isEmpty();
        assertThat(unexplained).as("operations that name an object but neither declare objectOwner (@OwnedObject) "
                + "nor have a reason in NOT_OWNED").isEmpty();
    }

    @Test
    void aSecondUserOfTheSameRoleIsRefusedEveryOwnedObjectAndChangesNothing() {
        ExampleRequests requests = new ExampleRequests(document);
        Map<String, PlatformUsers.Session> strangers = new LinkedHashMap<>();
        strangers.put("student", PlatformUsers.verifiedStudent(platform));
        strangers.put("instructor", PlatformUsers.instructor(platform));
        strangers.values().forEach(PlatformUsers.Session::token);
        Map<String, Long> before = StoredRows.settled(platform);

        ApiClient gateway = ApiClient.at(platform.gatewayUrl());
        Map<String, String> wrong = new TreeMap<>();
        int refusals = 0;
        long begin = System.nanoTime();
        for (OpenApiContract.Access access : OpenApiContract.accessOf(document)) {
            Optional<Map<String, Owned>> named = objects.objectsOf(access.path());
            if (kindOf(access) != Kind.OWNED || named.isEmpty()) {
                continue;
            }
            Map<String, String> ids = new LinkedHashMap<>();
            named.get().forEach((variable, owned) -> ids.put(variable, owned.id()));
            String target = requests.target(access, ids);
            for (var stranger : strangers.entrySet()) {
                List<String> roles = stranger.getKey().equals("student") ? List.of("student")
                        : List.of("student", "instructor");
                if (!access.admits(roles)) {
                    continue;
                }
                Map<String, String> seenBefore = reads(named.get());
                ApiResponse answer = send(gateway.withToken(stranger.getValue().token()), access, target, requests);
                refusals++;
                String name = access.method() + " " + target + " as another " + stranger.getKey();
                if ((answer.status() != 403 && answer.status() != 404) || !Answers.isProblem(answer)) {
                    wrong.put(name, "answered " + answer.status() + " " + Answers.abbreviated(answer.text()));
                } else if (!reads(named.get()).equals(seenBefore)) {
                    wrong.put(name, "was refused, but the owner's read of the object changed");
                }
            }
        }
        System.out.printf("[object-level] %d refusals of another user's object checked in %.1f s%n", refusals,
                (System.nanoTime() - begin) / 1e9);
        List<String> changed = StoredRows.changes(before, StoredRows.settled(platform));

        assertThat(refusals).as("refusals checked").isPositive();
        assertThat(wrong).as("operations that let a second user act on the first user's object").isEmpty();
        assertThat(changed).as("stored rows changed although every request was refused").isEmpty();
    }

    /** What the document says about the object an operation's path names. */
    private enum Kind { PUBLIC, ADMINS, OWNED, UNOWNED }

    private static Kind kindOf(OpenApiContract.Access access) {
        if (access.isPublic()) {
            return Kind.PUBLIC;
        }
        if (!access.admits(List.of("student", "instructor"))) {
            return Kind.ADMINS;
        }
        return access.objectOwner() != null ? Kind.OWNED : Kind.UNOWNED;
    }

    /** The owners' reads of the objects, by path, to compare before and after a stranger's request. */
    private static Map<String, String> reads(Map<String, Owned> named) {
        Map<String, String> reads = new TreeMap<>();
        named.values().forEach(owned -> {
            ApiResponse read = OwnedObjects.probe(owned);
            reads.put(owned.probe(), read.status() + " " + read.text());
        });
        return reads;
    }

    /** The request with the stranger's token: a JSON body from the document's examples, or a file to upload. */
    private static ApiResponse send(ApiClient client, OpenApiContract.Access access, String target,
                                    ExampleRequests requests) {
        var body = access.operation().getRequestBody();
        if (body != null && body.getContent() != null && body.getContent().containsKey("multipart/form-data")) {
            return client.upload(target, "notes.txt", "text/plain", "Not mine.".getBytes(StandardCharsets.UTF_8));
        }
        return client.send(access.method(), target, requests.body(access));
    }
}
