package io.skillwise.enrollment.certificate;

import io.skillwise.enrollment.replica.PeopleService;
import io.skillwise.enrollment.support.Courses;
import io.skillwise.enrollment.support.EnrollmentApiTest;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.identity.UserRole;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.awt.image.BufferedImage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The certificate a learner downloads, and what anyone holding its code can see and share. */
class CertificateIT extends EnrollmentApiTest {

    private static final String VERIFICATION_BASE = "http://127.0.0.1:8080/api/v1/certificates/";

    @Autowired
    PeopleService people;

    @Test
    void certificateIsOneLandscapePageWithItsFieldsAndAQrCodeOfTheVerificationUrl() {
        TestUser learner = TestUser.student();
        named(learner, "Ada Lovelace");
        named(instructor, "Grace Hopper");
        // two lessons of 5 minutes (Courses.lesson) and a quiz without a length
        CoursePublished course = Courses.published(instructor.id(), "Analytical Engines for Beginners", true,
                Courses.lesson("One"), Courses.lesson("Two"), Courses.quizLesson("Check", 50, null));
        String code = completed(course, learner);

        ApiResponse download = api.as(learner).get("/enrollments/" + enrollmentOf(learner) + "/certificate")
                .assertStatus(200);
        assertThat(download.contentType()).startsWith("application/pdf");
        RenderedCertificate certificate = RenderedCertificate.ofPdf(download.raw());

        assertThat(certificate.pages()).isEqualTo(1);
        assertThat(certificate.landscape()).isTrue();
        assertThat(certificate.flatText()).contains("Ada Lovelace", "Analytical Engines for Beginners",
                "taught by Grace Hopper", "Completed on " + today(), "Course length: 10 min",
                "Verification code: " + code, VERIFICATION_BASE + code);
        assertThat(certificate.qrCode()).isEqualTo(VERIFICATION_BASE + code);
    }

    @Test
    void veryLongNameAndTitleStillFitOnePage() {
        TestUser learner = TestUser.student();
        String name = "Maria " + "Anna Sophia Theresa Josepha ".repeat(8) + "von Habsburg-Lothringen";
        String title = "A Very Thorough Introduction to " + "Distributed Systems, Consensus and Replication ".repeat(12)
                + "in Practice";
        named(learner, name);
        CoursePublished course = Courses.published(instructor.id(), title, true, Courses.lesson("Only"));
        String code = completed(course, learner);

        RenderedCertificate certificate = RenderedCertificate.ofPdf(
                api.as(learner).get("/enrollments/" + enrollmentOf(learner) + "/certificate").assertStatus(200).raw());

        assertThat(certificate.pages()).isEqualTo(1);
        assertThat(certificate.flatText()).as("the beginnings of name and title are printed, shrunk or cut")
                .contains("Maria Anna Sophia", "A Very Thorough Introduction to Distributed Systems",
                        "Verification code: " + code);
        assertThat(certificate.qrCode()).as("nothing printed over the QR code").isEqualTo(VERIFICATION_BASE + code);
    }

    @Test
    void anyoneHoldingTheCodeGetsTheCertificateAsAnImage() {
        TestUser learner = TestUser.student();
        named(learner, "Alan Turing");
        String code = completed(Courses.published(instructor.id(), true, Courses.lesson("Only")), learner);

        ApiResponse image = api.get("/certificates/" + code.toLowerCase(Locale.ROOT) + "/image").assertStatus(200);

        assertThat(image.contentType()).startsWith("image/png");
        BufferedImage png = RenderedCertificate.ofPng(image.raw());
        assertThat(png).as("a PNG that decodes").isNotNull();
        assertThat(png.getWidth()).isEqualTo(CertificateImage.WIDTH);
        assertThat(png.getHeight()).isLessThan(png.getWidth());
        assertThat(RenderedCertificate.qrCode(png)).isEqualTo(VERIFICATION_BASE + code);
    }

    @Test
    void verificationCarriesTheAddToProfileLinkAndTheImage() {
        TestUser learner = TestUser.student();
        String title = "Rust & C++: Memory Safety + Speed?";
        String code = completed(Courses.published(instructor.id(), title, true, Courses.lesson("Only")), learner);

        ApiResponse verified = api.get("/certificates/" + code).assertStatus(200);

        assertThat(verified.text("verificationUrl")).isEqualTo(VERIFICATION_BASE + code);
        assertThat(verified.text("imageUrl")).isEqualTo(VERIFICATION_BASE + code + "/image");
        assertThat(verified.body().path("courseLengthMinutes").asLong()).isEqualTo(5);
        UriComponents link = UriComponentsBuilder.fromUriString(verified.text("addToProfileUrl")).build();
        assertThat(link.getScheme() + "://" + link.getHost() + link.getPath())
                .isEqualTo("https://www.linkedin.com/profile/add");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        assertThat(decoded(link.getQueryParams())).containsAllEntriesOf(Map.of(
                "startTask", "CERTIFICATION_NAME", "name", title, "organizationName", "SkillWise",
                "certId", code, "certUrl", VERIFICATION_BASE + code,
                "issueYear", String.valueOf(now.getYear()), "issueMonth", String.valueOf(now.getMonthValue())));
    }

    @Test
    void aRevokedCertificateIsVerifiedAsInvalidAndItsImageIsNoLongerShared() {
        TestUser learner = TestUser.student();
        String code = completed(Courses.published(instructor.id(), true, Courses.lesson("Only")), learner);

        api.as(TestUser.admin()).post("/admin/enrollments/" + enrollmentOf(learner) + "/revoke",
                Map.of("reason", "certificate obtained by account sharing")).assertStatus(200);

        assertThat(api.get("/certificates/" + code).assertStatus(200).body().path("valid").asBoolean()).isFalse();
        api.get("/certificates/" + code + "/image").assertProblem(404);
    }

    @Test
    void aNameChangedLaterIsPrintedOnlyAfterTheLearnerAsksForAReissueUnderTheSameCode() {
        TestUser learner = TestUser.student();
        named(learner, "Ada Byron");
        String code = completed(Courses.published(instructor.id(), true, Courses.lesson("Only")), learner);
        String enrollment = enrollmentOf(learner);
        topics.publish(new UserProfileUpdated(learner.id(), "Ada Lovelace", null, null, List.of(),
                List.of("displayName"), learner.id(), Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(people.displayName(learner.id())).hasValue("Ada Lovelace"));

        assertThat(RenderedCertificate.ofPdf(api.as(learner).get("/enrollments/" + enrollment + "/certificate")
                .raw()).flatText()).as("issued certificates keep their name").contains("Ada Byron");
        assertThat(api.as(TestUser.student()).post("/enrollments/" + enrollment + "/certificate/reissue", "")
                .status()).as("another learner's").isEqualTo(404);

        ApiResponse reissued = api.as(learner).post("/enrollments/" + enrollment + "/certificate/reissue", "")
                .assertStatus(200);

        assertThat(reissued.text("code")).isEqualTo(code);
        assertThat(reissued.text("learnerName")).isEqualTo("Ada Lovelace");
        RenderedCertificate pdf = RenderedCertificate.ofPdf(
                api.as(learner).get("/enrollments/" + enrollment + "/certificate").raw());
        assertThat(pdf.flatText()).contains("Ada Lovelace", "Verification code: " + code).doesNotContain("Byron");
        assertThat(api.get("/certificates/" + code).text("learnerName")).isEqualTo("Ada Lovelace");
    }

    @Test
    void theCertificateNameChosenInTheProfileIsPrintedInsteadOfTheDisplayNameAndAReissuePicksUpAChange() {
        TestUser learner = TestUser.student();
        named(learner, "Ada");
        topics.publish(new UserProfileUpdated(learner.id(), "Ada", null, null, List.of(),
                List.of("certificateName"), learner.id(), Instant.now(), "Augusta Ada Byron", null));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(people.certificateName(learner.id())).hasValue("Augusta Ada Byron"));
        String code = completed(Courses.published(instructor.id(), true, Courses.lesson("Only")), learner);
        String enrollment = enrollmentOf(learner);

        RenderedCertificate issued = RenderedCertificate.ofPdf(
                api.as(learner).get("/enrollments/" + enrollment + "/certificate").raw());
        assertThat(issued.pages()).isEqualTo(1);
        assertThat(issued.flatText()).contains("Augusta Ada Byron");
        assertThat(api.get("/certificates/" + code).text("learnerName")).isEqualTo("Augusta Ada Byron");

        topics.publish(new UserProfileUpdated(learner.id(), "Ada", null, null, List.of(),
                List.of("certificateName"), learner.id(), Instant.now(), "Augusta Ada King", null));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(people.certificateName(learner.id())).hasValue("Augusta Ada King"));
        api.as(learner).post("/enrollments/" + enrollment + "/certificate/reissue", "").assertStatus(200);

        assertThat(RenderedCertificate.ofPdf(api.as(learner).get("/enrollments/" + enrollment + "/certificate")
                .raw()).flatText()).contains("Augusta Ada King").doesNotContain("Byron");
        assertThat(people.displayName(learner.id())).as("the display name stays as it was").hasValue("Ada");
    }

    @Test
    void unknownCodeIsNotFoundAsProblem() {
        api.get("/certificates/SW-0000-0000-0000").assertProblem(404);
        api.get("/certificates/SW-0000-0000-0000/image").assertProblem(404);
        api.get("/certificates/not-a-code/image").assertProblem(404);
    }

    private void named(TestUser user, String displayName) {
        topics.publish(new UserRegistered(user.id(), user.email(), displayName, List.of(UserRole.STUDENT),
                false, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(people.displayName(user.id())).hasValue(displayName));
    }

    /** Enrols the learner and completes every lesson (quizzes passed); answers the certificate's code. */
    private String completed(CoursePublished course, TestUser learner) {
        String enrollment = enrolledIn(course, learner);
        course.modules().forEach(module -> module.lessons().forEach(lesson -> finish(enrollment, lesson, learner)));
        await().atMost(PATIENCE).until(() -> enrollmentEventsOf(learner).stream()
                .anyMatch(CourseCompleted.class::isInstance));
        return enrollmentEventsOf(learner).stream().filter(CourseCompleted.class::isInstance)
                .map(CourseCompleted.class::cast).findFirst().orElseThrow().certificateCode();
    }

    private void finish(String enrollment, LessonOutline lesson, TestUser learner) {
        if (lesson.quiz() != null) {
            api.as(learner).post("/lessons/" + lesson.lessonId() + "/quiz-attempts", Map.of("answers", List.of(
                    Map.of("questionIndex", 0, "selectedOptions", List.of(1)),
                    Map.of("questionIndex", 1, "selectedOptions", List.of(0, 2))))).assertStatus(201);
            return;
        }
        api.as(learner).patch("/enrollments/" + enrollment + "/progress",
                Map.of("lessonId", lesson.lessonId(), "completed", true)).assertStatus(200);
    }

    private String enrollmentOf(TestUser learner) {
        return enrollmentEventsOf(learner).getFirst().enrollmentId().toString();
    }

    private static String today() {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    private static Map<String, String> decoded(MultiValueMap<String, String> query) {
        return query.toSingleValueMap().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, entry -> URLDecoder.decode(entry.getValue(), StandardCharsets.UTF_8)));
    }
}
