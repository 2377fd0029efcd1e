package io.skillwise.catalog.content;

import io.skillwise.catalog.CatalogApi;
import io.skillwise.catalog.CatalogApi.Response;
import io.skillwise.catalog.content.AssetHttp.Upload;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static io.skillwise.catalog.content.AssetHttp.mp4;
import static io.skillwise.catalog.content.AssetHttp.pdf;
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

    CatalogApi api;
    AssetHttp http;
    TestUser owner = TestUser.instructor();
    TestUser intruder = TestUser.instructor();
    TestUser student = TestUser.student();
    String courseId;
    String module;
    String previewLesson;
    String lockedLesson;

    @BeforeEach
    void setUp() {
        api = new CatalogApi(port);
        http = new AssetHttp(port);
        CourseWithLessons course = CourseWithLessons.publish(api, owner, "With Materials");
        courseId = course.courseId();
        module = course.module();
        previewLesson = course.previewLesson();
        lockedLesson = course.lockedLesson();
    }

    @Test
    void ownerUploadsAndAnyoneDownloadsAPreviewLessonsFileWithRanges() throws Exception {
        Upload uploaded = http.upload(previewLesson, owner, "slides.pdf", "application/pdf", PDF);

        assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(201);
        assertThat(uploaded.body().get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(uploaded.body().get("size").asLong()).isEqualTo(PDF.length);
        String url = uploaded.body().get("url").asString();
        assertThat(url).startsWith("/api/v1/assets/");

        HttpResponse<byte[]> whole = http.download(url, null, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(PDF);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("application/pdf");

        HttpResponse<byte[]> part = http.download(url, null, "bytes=0-4");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(new String(part.body(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 0-4/" + PDF.length);

        assertThat(api.get("/lessons/" + previewLesson + "/assets").body().get("items")).hasSize(1);
    }

    @Test
    void filesOfNonPreviewLessonsAreForLearnersOnly() throws Exception {
        Upload uploaded = http.upload(lockedLesson, owner, "notes.pdf", "application/pdf", PDF);
        String url = uploaded.body().get("url").asString();

        assertThat(http.download(url, student, null).statusCode()).isEqualTo(403);
        assertThat(http.download(url, null, null).statusCode()).isEqualTo(403);
        assertThat(http.download(url, intruder, null).statusCode()).isEqualTo(403);
        assertThat(http.download(url, owner, null).statusCode()).isEqualTo(200);
        assertThat(api.get("/lessons/" + lockedLesson + "/assets", student).status()).isEqualTo(403);
    }

    @Test
    void anotherInstructorCannotUploadOrDelete() throws Exception {
        Upload refused = http.upload(previewLesson, intruder, "spam.pdf", "application/pdf", PDF);
        assertThat(refused.status()).isEqualTo(403);

        String assetId = http.upload(previewLesson, owner, "slides.pdf", "application/pdf", PDF).body().get("assetId")
                .asString();
        assertThat(api.delete("/assets/" + assetId, intruder).status()).isEqualTo(403);
        assertThat(api.delete("/assets/" + assetId, owner).status()).isEqualTo(204);
        assertThat(api.get("/lessons/" + previewLesson + "/assets").body().get("items")).isEmpty();
    }

    @Test
    void wrongTypesAndOversizedFilesAreRefusedAndNothingIsStored() throws Exception {
        Upload executable = http.upload(previewLesson, owner, "tool.exe", "application/x-msdownload", new byte[]{'M', 'Z'});
        Upload fakePdf = http.upload(previewLesson, owner, "fake.pdf", "application/pdf",
                "MZ this is not a pdf".getBytes(StandardCharsets.US_ASCII));
        Upload tooLarge = http.upload(previewLesson, owner, "big.pdf", "application/pdf", pdf(3000));
        Upload tooLargeVideo = http.upload(previewLesson, owner, "big.mp4", "video/mp4", mp4(5000));
        Upload noFile = http.upload(previewLesson, owner, "empty.pdf", "application/pdf", new byte[0]);

        assertThat(executable.status()).isEqualTo(400);
        assertThat(fakePdf.status()).isEqualTo(400);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLargeVideo.status()).isEqualTo(413);
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(tooLarge.body().get("status").asInt()).isEqualTo(413);
        assertThat(api.get("/lessons/" + previewLesson + "/assets").body().get("items")).isEmpty();

        assertThat(http.upload(previewLesson, owner, "clip.mp4", "video/mp4", mp4(3000)).status()).isEqualTo(201);
    }

    @Test
    void storedFilesGoWithTheirLessonAndCourseButOnlyOnceTheDeletionCommitted() throws Exception {
        String lockedAsset = http.upload(lockedLesson, owner, "notes.pdf", "application/pdf", PDF).body().get("assetId")
                .asString();
        String previewAsset = http.upload(previewLesson, owner, "slides.pdf", "application/pdf", PDF).body().get("assetId")
                .asString();
        Path lockedFile = STORE.resolve(courseId + "/" + lockedLesson + "/" + lockedAsset);
        Path previewFile = STORE.resolve(courseId + "/" + previewLesson + "/" + previewAsset);
        assertThat(lockedFile).exists();
        assertThat(previewFile).exists();

        // the only module of a published course cannot go: the deletion rolls back, and the files must stay
        assertThat(api.delete("/modules/" + module, owner).status()).isEqualTo(409);
        assertThat(lockedFile).exists();
        assertThat(http.download("/api/v1/assets/" + lockedAsset, owner, null).statusCode()).isEqualTo(200);

        assertThat(api.delete("/lessons/" + lockedLesson, owner).status()).isEqualTo(204);
        assertThat(lockedFile).doesNotExist();
        assertThat(http.download("/api/v1/assets/" + lockedAsset, owner, null).statusCode()).isEqualTo(404);
        assertThat(previewFile).exists();

        assertThat(api.delete("/courses/" + courseId, owner).status()).isEqualTo(204);
        assertThat(previewFile).doesNotExist();
        assertThat(STORE.resolve(courseId)).doesNotExist();
    }

    @Test
    void signedUrlsServeTheFileWithoutATokenUntilTheyExpire() throws Exception {
        String assetId = http.upload(lockedLesson, owner, "notes.pdf", "application/pdf", PDF).body().get("assetId")
                .asString();
        String urlPath = "/lessons/" + lockedLesson + "/assets/" + assetId + "/url";

        // handed out under the rules of the file itself
        assertThat(api.get(urlPath, student).status()).isEqualTo(403);
        assertThat(api.get(urlPath).status()).isEqualTo(403);
        assertThat(api.get(urlPath, intruder).status()).isEqualTo(403);
        assertThat(api.get("/lessons/" + previewLesson + "/assets/" + assetId + "/url", owner).status())
                .as("an asset of another lesson").isEqualTo(404);
        Response signed = api.get(urlPath, owner);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        String url = signed.text("url");
        Instant expiresAt = Instant.parse(signed.text("expiresAt"));
        assertThat(url).startsWith("/api/v1/assets/" + assetId + "?expires=" + expiresAt.getEpochSecond() + "&signature=");
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));

        // no token needed, ranges work
        HttpResponse<byte[]> whole = http.download(url, null, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(PDF);
        HttpResponse<byte[]> part = http.download(url, null, "bytes=5-9");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(PDF, 5, 10));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 5-9/" + PDF.length);

        // tampered, moved to another asset, later expiry, missing signature, expired: 403 problems
        String signature = url.substring(url.indexOf("&signature=") + "&signature=".length());
        String otherAsset = http.upload(lockedLesson, owner, "other.pdf", "application/pdf", PDF).body().get("assetId")
                .asString();
        long expires = expiresAt.getEpochSecond();
        for (String refused : List.of(
                url.substring(0, url.length() - 1) + (url.endsWith("A") ? "B" : "A"),
                "/api/v1/assets/" + otherAsset + "?expires=" + expires + "&signature=" + signature,
                "/api/v1/assets/" + assetId + "?expires=" + (expires + 3600) + "&signature=" + signature,
                "/api/v1/assets/" + assetId + "?expires=" + expires,
                signedWithDevSecret(assetId, Instant.now().minusSeconds(1).getEpochSecond()))) {
            HttpResponse<byte[]> answer = http.download(refused, null, null);
            assertThat(answer.statusCode()).as(refused).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        // the documented scheme: the same HMAC with a later expiry is accepted
        assertThat(http.download(signedWithDevSecret(assetId, expires + 60), null, null).statusCode()).isEqualTo(200);

        // anyone may have a signed URL to a preview lesson's file
        String previewAsset = http.upload(previewLesson, owner, "slides.pdf", "application/pdf", PDF).body()
                .get("assetId").asString();
        Response anonymous = api.get("/lessons/" + previewLesson + "/assets/" + previewAsset + "/url");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(http.download(anonymous.text("url"), null, null).body()).isEqualTo(PDF);
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
