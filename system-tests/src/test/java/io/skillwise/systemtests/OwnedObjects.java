package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiResponse;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real object of every kind the API names by id, each belonging to one of two "first" users -- an instructor
 * and a learner -- and made through the gateway by the flows a person uses: the instructor's published course with
 * its module, lesson and file, its announcement, reminder, coupon, bundle, sale, campaign and affiliate program; the
 * learner's purchase (order, invoice, enrollment), a second purchase refunded (credit note), completed lesson,
 * review, discussion thread and post, notification and pending subscription.
 * <p>
 * An operation's path names its objects by the segment before each variable ({@code /courses/{courseId}/reminders/
 * {reminderId}}: a course, then a reminder), so every route under a known segment is covered without anyone listing
 * it, and a route under a new segment has no object until one is added here. Made once per test JVM.
 */
final class OwnedObjects {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static OwnedObjects made;

    /**
     * An object: its id, the user it belongs to, and a read of it by that user that shows whether it changed.
     *
     * @param probe a path its owner reads; equal answers before and after a request mean the request changed nothing
     */
    record Owned(String id, PlatformUsers.Session owner, String probe) {
    }

    private final Map<String, Owned> bySegment;
    private final PlatformUsers.Session instructor;
    private final PlatformUsers.Session learner;

    private OwnedObjects(Map<String, Owned> bySegment, PlatformUsers.Session instructor,
                         PlatformUsers.Session learner) {
        this.bySegment = bySegment;
        this.instructor = instructor;
        this.learner = learner;
    }

    static synchronized OwnedObjects of(DevStack platform) {
        if (made == null) {
            long begin = System.nanoTime();
            made = make(platform);
            System.out.printf("[owned-objects] %d kinds of objects made in %.1f s%n", made.bySegment.size(),
                    (System.nanoTime() - begin) / 1e9);
        }
        return made;
    }

    /** The instructor the objects of courses and promotions belong to. */
    PlatformUsers.Session instructor() {
        return instructor;
    }

    /** The learner the purchases, enrollments and posts belong to. */
    PlatformUsers.Session learner() {
        return learner;
    }

    /** The segments before a variable in the path, in order: what objects the path names. */
    static List<String> segmentsOf(String path) {
        return variablesOf(path).stream().map(NamedVariable::segment).toList();
    }

    /** A path variable ({@code {id}}) and the literal segment before it ({@code courses}), which says what it names. */
    private record NamedVariable(String segment, String variable) {
    }

    /** The path template's variables that follow a literal segment, read segment by segment. */
    private static List<NamedVariable> variablesOf(String path) {
        List<NamedVariable> variables = new ArrayList<>();
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            String previous = segments[i - 1];
            String segment = segments[i];
            if (segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}") && !previous.isEmpty()
                    && !previous.contains("{")) {
                variables.add(new NamedVariable(previous, segment.substring(1, segment.length() - 1)));
            }
        }
        return variables;
    }

    /** The object for every variable of the path, by variable name; empty when one of them names no known object. */
    Optional<Map<String, Owned>> objectsOf(String path) {
        Map<String, Owned> objects = new LinkedHashMap<>();
        for (NamedVariable named : variablesOf(path)) {
            Owned owned = bySegment.get(named.segment());
            if (owned == null) {
                return Optional.empty();
            }
            objects.put(named.variable(), owned);
        }
        return Optional.of(objects);
    }

    private static OwnedObjects make(DevStack platform) {
        PlatformUsers.Session instructor = PlatformUsers.instructor(platform);
        PlatformUsers.Session learner = PlatformUsers.verifiedStudent(platform);
        var teacher = instructor.client();
        Map<String, Owned> objects = new LinkedHashMap<>();

        String category = PublishedCourses.category(platform);
        UUID course = PublishedCourses.paid(platform, instructor, category, "Owned course " + shortId(), 3900);
        UUID refunded = PublishedCourses.paid(platform, instructor, category, "Refunded course " + shortId(), 1900);
        String module = teacher.get("/courses/" + course + "/modules").assertStatus(200).body().path("items")
                .get(0).path("id").asString();
        String lesson = teacher.get("/modules/" + module + "/lessons").assertStatus(200).body().path("items")
                .get(0).path("id").asString();
        String asset = teacher.upload("/lessons/" + lesson + "/assets", "notes.txt", "text/plain",
                "Notes of the owned course.".getBytes(StandardCharsets.UTF_8)).assertStatus(201).text("assetId");
        objects.put("courses", new Owned(course.toString(), instructor, "/courses/" + course));
        objects.put("modules", new Owned(module, instructor, "/courses/" + course + "/modules"));
        objects.put("lessons", new Owned(lesson, instructor, "/lessons/" + lesson));
        objects.put("assets", new Owned(asset, instructor, "/lessons/" + lesson + "/assets"));

        String order = LocalCheckout.buy(learner, course);
        String refundedOrder = LocalCheckout.buy(learner, refunded);
        learner.client().post("/payments/" + refundedOrder + "/refund", Map.of("reason", "changed my mind"))
                .assertStatus(202);
        JsonNode progress = Learning.completeFirstLesson(learner, course);
        String enrollment = progress.path("enrollmentId").asString();
        objects.put("payments", new Owned(order, learner, "/payments/history"));
        objects.put("progress", new Owned(course.toString(), learner, "/progress/" + course));
        objects.put("enrollments", new Owned(enrollment, learner, "/enrollments/" + enrollment));

        JsonNode history = eventually(PATIENCE, () -> learner.client().get("/payments/history?size=10")
                        .assertStatus(200).items(), orders -> assertThat(orders).anySatisfy(
                        each -> assertThat(each.path("creditNotes")).as("the refund's credit note").hasSize(1)))
                .stream().filter(each -> each.path("creditNotes").size() == 1).findFirst().orElseThrow();
        objects.put("credit-notes", new Owned(history.path("creditNotes").get(0).path("id").asString(), learner,
                "/payments/history"));
        objects.put("invoices", new Owned(history.path("invoiceId").asString(), learner, "/payments/history"));

        String reviews = "/courses/" + course + "/reviews";
        String review = eventually(PATIENCE, () -> learner.client().post(reviews, Map.of("rating", 5,
                        "comment", "Clear and to the point.")),
                response -> assertThat(response.status()).as("the completion reached review-service")
                        .isNotEqualTo(403)).assertStatus(201).id();
        objects.put("reviews", new Owned(review, learner, "/reviews/" + review));

        String threads = "/courses/" + course + "/threads";
        String thread = eventually(PATIENCE, () -> learner.client().post(threads,
                        Map.of("title", "Which version?", "body", "Which Java version do I need?")),
                response -> assertThat(response.status()).as("the enrollment reached notification-service")
                        .isNotEqualTo(403)).assertStatus(201).id();
        String post = learner.client().post("/threads/" + thread + "/posts", Map.of("body", "Found it: 21."))
                .assertStatus(201).id();
        objects.put("threads", new Owned(thread, learner, "/threads/" + thread));
        objects.put("posts", new Owned(post, learner, "/posts/" + post));

        String announcements = "/courses/" + course + "/announcements";
        String announcement = teacher.post(announcements, Map.of("title", "Welcome", "body", "Glad you are here."))
                .assertStatus(202).id();
        objects.put("announcements", new Owned(announcement, instructor, announcements + "/" + announcement));
        String reminders = "/courses/" + course + "/reminders";
        String reminder = teacher.post(reminders, Map.of("title", "Project due", "message", "Upload it by Friday.",
                "sendAt", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()))
                .assertStatus(201).id();
        objects.put("reminders", new Owned(reminder, instructor, reminders));

        String notification = eventually(PATIENCE, () -> learner.client().get("/notifications?size=100")
                        .assertStatus(200).items(), items -> assertThat(items).as("the learner's notifications")
                        .isNotEmpty()).getFirst().path("id").asString();
        objects.put("notifications", new Owned(notification, learner, "/notifications?size=100"));

        String subscription = learner.client().withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/subscriptions", null).assertStatus(201).text("subscriptionId");
        objects.put("subscriptions", new Owned(subscription, learner, "/subscriptions"));

        Map<String, Object> price = Map.of("amount", 4900, "currency", "USD");
        String startsAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String endsAt = Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String code = "OWNED" + shortId().toUpperCase(java.util.Locale.ROOT);
        String coupon = eventually(PATIENCE, () -> teacher.post("/promotions/coupons", Map.of("code", code,
                        "kind", "PERCENT", "percentOff", 10, "scope", "COURSES", "courseIds", List.of(course))),
                response -> assertThat(response.status()).as("promotion-service knows the course").isNotEqualTo(404))
                .assertStatus(201).id();
        String bundle = teacher.post("/promotions/bundles", Map.of("title", "Owned bundle",
                "courseIds", List.of(course, refunded), "price", price)).assertStatus(201).id();
        String sale = eventually(PATIENCE, () -> teacher.post("/promotions/sales", Map.of("courseId", course,
                        "salePrice", Map.of("amount", 2900, "currency", "USD"), "startsAt", startsAt,
                        "endsAt", endsAt)),
                response -> assertThat(response.status()).as("promotion-service knows the course").isNotEqualTo(404))
                .assertStatus(201).id();
        String campaign = teacher.post("/promotions/campaigns", Map.of("name", "Owned campaign",
                "startsAt", startsAt, "endsAt", endsAt, "courseIds", List.of(course))).assertStatus(201).id();
        String program = teacher.post("/affiliates/programs", Map.of("courseId", course, "rateBasisPoints", 1500,
                "attributionDays", 30)).assertStatus(201).id();
        objects.put("coupons", new Owned(coupon, instructor, "/promotions/coupons/" + coupon));
        objects.put("bundles", new Owned(bundle, instructor, "/promotions/bundles/" + bundle));
        objects.put("sales", new Owned(sale, instructor, "/promotions/sales/" + sale));
        objects.put("campaigns", new Owned(campaign, instructor, "/promotions/campaigns/" + campaign));
        objects.put("programs", new Owned(program, instructor, "/affiliates/programs/" + program));

        objects.put("users", new Owned(learner.id().toString(), learner, "/profile"));
        return new OwnedObjects(objects, instructor, learner);
    }

    /** The owner's read of the object, to compare before and after someone else's request. */
    static ApiResponse probe(Owned owned) {
        return owned.owner().client().get(owned.probe());
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
