package io.skillwise.catalog.content;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static io.skillwise.catalog.content.AssetFiles.mp4;
import static io.skillwise.catalog.content.AssetFiles.pdf;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.catalog.content.max-document-size=2KB",
        "skillwise.catalog.content.max-video-size=4KB",
        "skillwise.catalog.content.storage-directory=target/test-content"})
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class ContentApiIT {

    private static final byte[] PDF = pdf(1500);
    private static final Path STORE = Path.of("target/test-content");

    @LocalServerPort
    int port;

    ApiClient api;
    ApiClient site;
    TestUser owner = TestUser.instructor();
    TestUser intruder = TestUser.instructor();
    TestUser student = TestUser.student();
    String courseId;
    String module;
    String previewLesson;
    String lockedLesson;

    @BeforeEach
    void setUp() {
        api = ApiClient.api(port);
        site = ApiClient.root(port);
        CourseWithLessons course = CourseWithLessons.publish(api, owner, "With Materials");
        courseId = course.courseId();
        module = course.module();
        previewLesson = course.previewLesson();
        lockedLesson = course.lockedLesson();
    }

    @Test
    void ownerUploadsAndAnyoneDownloadsAPreviewLessonsFileWithRanges() throws Exception {
        ApiResponse uploaded = api.as(owner).upload("/lessons/" + previewLesson + "/assets", "slides.pdf",
                "application/pdf", PDF);

        assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(201);
        assertThat(uploaded.body().get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(uploaded.body().get("size").asLong()).isEqualTo(PDF.length);
        String url = uploaded.body().get("url").asString();
        assertThat(url).startsWith("/api/v1/assets/");

        ApiResponse whole = site.get(url);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.raw()).isEqualTo(PDF);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("application/pdf");

        ApiResponse part = site.withHeader("Range", "bytes=0-4").get(url);
        assertThat(part.status()).isEqualTo(206);
        assertThat(new String(part.raw(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 0-4/" + PDF.length);

        assertThat(api.get("/lessons/" + previewLesson + "/assets").body().get("items")).hasSize(1);
    }

    @Test
    void filesOfNonPreviewLessonsAreForLearnersOnly() throws Exception {
        ApiResponse uploaded = api.as(owner).upload("/lessons/" + lockedLesson + "/assets", "notes.pdf",
                "application/pdf", PDF);
        String url = uploaded.body().get("url").asString();

        assertThat(site.as(student).get(url).status()).isEqualTo(403);
        assertThat(site.get(url).status()).isEqualTo(403);
        assertThat(site.as(intruder).get(url).status()).isEqualTo(403);
        assertThat(site.as(owner).get(url).status()).isEqualTo(200);
        assertThat(api.as(student).get("/lessons/" + lockedLesson + "/assets").status()).isEqualTo(403);
    }

    @Test
    void anotherInstructorCannotUploadOrDelete() throws Exception {
        ApiResponse refused = api.as(intruder).upload("/lessons/" + previewLesson + "/assets", "spam.pdf",
                "application/pdf", PDF);
        assertThat(refused.status()).isEqualTo(403);

        String assetId = api.as(owner).upload("/lessons/" + previewLesson + "/assets", "slides.pdf", "application/pdf",
                PDF).body().get("assetId")
                .asString();
        assertThat(api.as(intruder).delete("/assets/" + assetId).status()).isEqualTo(403);
        assertThat(api.as(owner).delete("/assets/" + assetId).status()).isEqualTo(204);
        assertThat(api.get("/lessons/" + previewLesson + "/assets").body().get("items")).isEmpty();
    }

    @Test
    void wrongTypesAndOversizedFilesAreRefusedAndNothingIsStored() throws Exception {
        ApiResponse executable = api.as(owner).upload("/lessons/" + previewLesson + "/assets", "tool.exe",
                "application/x-msdownload", new byte[]{'M', 'Z'});
        ApiResponse fakePdf = api.as(owner).upload("/lessons/" + previewLesson + "/assets", "fake.pdf",
                "application/pdf",
                "MZ this is not a pdf".getBytes(StandardCharsets.US_ASCII));
        ApiResponse tooLarge = api.as(owner).upload("/lessons/" + previewLesson + "/assets", "big.pdf",
                "application/pdf", pdf(3000));
        ApiResponse tooLargeVideo = api.as(owner).upload("/lessons/" + previewLesson + "/assets", "big.mp4",
                "video/mp4", mp4(5000));
        ApiResponse noFile = api.as(owner).upload("/lessons/" + previewLesson + "/assets", "empty.pdf",
                "application/pdf", new byte[0]);

        assertThat(executable.status()).isEqualTo(400);
        assertThat(fakePdf.status()).isEqualTo(400);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLargeVideo.status()).isEqualTo(413);
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(tooLarge.body().get("status").asInt()).isEqualTo(413);
        assertThat(api.get("/lessons/" + previewLesson + "/assets").body().get("items")).isEmpty();

        assertThat(api.as(owner).upload("/lessons/" + previewLesson + "/assets", "clip.mp4", "video/mp4", mp4(3000))
                .status()).isEqualTo(201);
    }

    @Test
    void storedFilesGoWithTheirLessonAndCourseButOnlyOnceTheDeletionCommitted() throws Exception {
        String lockedAsset = api.as(owner).upload("/lessons/" + lockedLesson + "/assets", "notes.pdf",
                "application/pdf", PDF).body().get("assetId")
                .asString();
        String previewAsset = api.as(owner).upload("/lessons/" + previewLesson + "/assets", "slides.pdf",
                "application/pdf", PDF).body().get("assetId")
                .asString();
        Path lockedFile = STORE.resolve(courseId + "/" + lockedLesson + "/" + lockedAsset);
        Path previewFile = STORE.resolve(courseId + "/" + previewLesson + "/" + previewAsset);
        assertThat(lockedFile).exists();
        assertThat(previewFile).exists();

        // the only module of a published course cannot go: the deletion rolls back, and the files must stay
        assertThat(api.as(owner).delete("/modules/" + module).status()).isEqualTo(409);
        assertThat(lockedFile).exists();
        assertThat(site.as(owner).get("/api/v1/assets/" + lockedAsset).status()).isEqualTo(200);

        assertThat(api.as(owner).delete("/lessons/" + lockedLesson).status()).isEqualTo(204);
        assertThat(lockedFile).doesNotExist();
        assertThat(site.as(owner).get("/api/v1/assets/" + lockedAsset).status()).isEqualTo(404);
        assertThat(previewFile).exists();

        assertThat(api.as(owner).delete("/courses/" + courseId).status()).isEqualTo(204);
        assertThat(previewFile).doesNotExist();
        assertThat(STORE.resolve(courseId)).doesNotExist();
    }

    @Test
    void signedUrlsServeTheFileWithoutATokenUntilTheyExpire() throws Exception {
        String assetId = api.as(owner).upload("/lessons/" + lockedLesson + "/assets", "notes.pdf", "application/pdf",
                PDF).body().get("assetId")
                .asString();
        String urlPath = "/lessons/" + lockedLesson + "/assets/" + assetId + "/url";

        // handed out under the rules of the file itself
        assertThat(api.as(student).get(urlPath).status()).isEqualTo(403);
        assertThat(api.get(urlPath).status()).isEqualTo(403);
        assertThat(api.as(intruder).get(urlPath).status()).isEqualTo(403);
        assertThat(api.as(owner).get("/lessons/" + previewLesson + "/assets/" + assetId + "/url").status())
                .as("an asset of another lesson").isEqualTo(404);
        ApiResponse signed = api.as(owner).get(urlPath);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        String url = signed.text("url");
        Instant expiresAt = Instant.parse(signed.text("expiresAt"));
        assertThat(url).startsWith("/api/v1/assets/" + assetId + "?expires=" + expiresAt.getEpochSecond() + "&signature=");
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));

        // no token needed, ranges work
        ApiResponse whole = site.get(url);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.raw()).isEqualTo(PDF);
        ApiResponse part = site.withHeader("Range", "bytes=5-9").get(url);
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.raw()).isEqualTo(Arrays.copyOfRange(PDF, 5, 10));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 5-9/" + PDF.length);

        // tampered, moved to another asset, later expiry, missing signature, expired: 403 problems
        String signature = url.substring(url.indexOf("&signature=") + "&signature=".length());
        String otherAsset = api.as(owner).upload("/lessons/" + lockedLesson + "/assets", "other.pdf",
                "application/pdf", PDF).body().get("assetId")
                .asString();
        long expires = expiresAt.getEpochSecond();
        for (String refused : List.of(
                url.substring(0, url.length() - 1) + (url.endsWith("A") ? "B" : "A"),
                "/api/v1/assets/" + otherAsset + "?expires=" + expires + "&signature=" + signature,
                "/api/v1/assets/" + assetId + "?expires=" + (expires + 3600) + "&signature=" + signature,
                "/api/v1/assets/" + assetId + "?expires=" + expires,
                signedWithDevSecret(assetId, Instant.now().minusSeconds(1).getEpochSecond()))) {
            ApiResponse answer = site.get(refused);
            assertThat(answer.status()).as(refused).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        // the documented scheme: the same HMAC with a later expiry is accepted
        assertThat(site.get(signedWithDevSecret(assetId, expires + 60)).status()).isEqualTo(200);

        // anyone may have a signed URL to a preview lesson's file
        String previewAsset = api.as(owner).upload("/lessons/" + previewLesson + "/assets", "slides.pdf",
                "application/pdf", PDF).body()
                .get("assetId").asString();
        ApiResponse anonymous = api.get("/lessons/" + previewLesson + "/assets/" + previewAsset + "/url");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(site.get(anonymous.text("url")).raw()).isEqualTo(PDF);
    }

    /** A URL signed as {@code AssetUrlSigner} documents it, with the development secret the tests run with. */
    private static String signedWithDevSecret(String assetId, long expires) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("dev-only-catalog-url-signing-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((assetId + ":" + expires).getBytes(StandardCharsets.UTF_8)));
        return "/api/v1/assets/" + assetId + "?expires=" + expires + "&signature=" + signature;
    }
}
