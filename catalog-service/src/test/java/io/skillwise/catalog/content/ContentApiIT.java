package io.skillwise.catalog.content;

import io.skillwise.catalog.CatalogApi;
import io.skillwise.catalog.CatalogApi.Courses;
import io.skillwise.catalog.CatalogApi.Response;
import io.skillwise.testsupport.TestTokens;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.catalog.content.max-document-size=2KB",
        "skillwise.catalog.content.max-video-size=4KB",
        "skillwise.catalog.content.storage-directory=target/test-content"})
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class ContentApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] PDF = pdf(1500);
    private static final Path STORE = Path.of("target/test-content");

    @LocalServerPort
    int port;

    CatalogApi api;
    TestUser owner = TestUser.instructor();
    TestUser intruder = TestUser.instructor();
    TestUser student = TestUser.student();
    String courseId;
    String module;
    String previewLesson;
    String lockedLesson;

    record Upload(int status, JsonNode body) {
    }

    @BeforeEach
    void setUp() {
        api = new CatalogApi(port);
        courseId = api.post("/courses", owner, Courses.draft("With Materials")).id();
        module = api.post("/courses/" + courseId + "/modules", owner, Map.of("title", "M")).id();
        previewLesson = api.post("/modules/" + module + "/lessons", owner, Courses.lesson("Intro", true)).id();
        lockedLesson = api.post("/modules/" + module + "/lessons", owner, Courses.lesson("Deep dive", false)).id();
        api.post("/courses/" + courseId + "/publish", owner, null);
    }

    @Test
    void ownerUploadsAndAnyoneDownloadsAPreviewLessonsFileWithRanges() throws Exception {
        Upload uploaded = upload(previewLesson, owner, "slides.pdf", "application/pdf", PDF);

        assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(201);
        assertThat(uploaded.body().get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(uploaded.body().get("size").asLong()).isEqualTo(PDF.length);
        String url = uploaded.body().get("url").asString();
        assertThat(url).startsWith("/api/v1/assets/");

        HttpResponse<byte[]> whole = download(url, null, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(PDF);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("application/pdf");

        HttpResponse<byte[]> part = download(url, null, "bytes=0-4");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(new String(part.body(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 0-4/" + PDF.length);

        assertThat(api.get("/lessons/" + previewLesson + "/assets").body().get("items")).hasSize(1);
    }

    @Test
    void filesOfNonPreviewLessonsAreForLearnersOnly() throws Exception {
        Upload uploaded = upload(lockedLesson, owner, "notes.pdf", "application/pdf", PDF);
        String url = uploaded.body().get("url").asString();

        assertThat(download(url, student, null).statusCode()).isEqualTo(403);
        assertThat(download(url, null, null).statusCode()).isEqualTo(403);
        assertThat(download(url, intruder, null).statusCode()).isEqualTo(403);
        assertThat(download(url, owner, null).statusCode()).isEqualTo(200);
        assertThat(api.get("/lessons/" + lockedLesson + "/assets", student).status()).isEqualTo(403);
    }

    @Test
    void anotherInstructorCannotUploadOrDelete() throws Exception {
        Upload refused = upload(previewLesson, intruder, "spam.pdf", "application/pdf", PDF);
        assertThat(refused.status()).isEqualTo(403);

        String assetId = upload(previewLesson, owner, "slides.pdf", "application/pdf", PDF).body().get("assetId")
                .asString();
        assertThat(api.delete("/assets/" + assetId, intruder).status()).isEqualTo(403);
        assertThat(api.delete("/assets/" + assetId, owner).status()).isEqualTo(204);
        assertThat(api.get("/lessons/" + previewLesson + "/assets").body().get("items")).isEmpty();
    }

    @Test
    void wrongTypesAndOversizedFilesAreRefusedAndNothingIsStored() throws Exception {
        Upload executable = upload(previewLesson, owner, "tool.exe", "application/x-msdownload", new byte[]{'M', 'Z'});
        Upload fakePdf = upload(previewLesson, owner, "fake.pdf", "application/pdf",
                "MZ this is not a pdf".getBytes(StandardCharsets.US_ASCII));
        Upload tooLarge = upload(previewLesson, owner, "big.pdf", "application/pdf", pdf(3000));
        Upload tooLargeVideo = upload(previewLesson, owner, "big.mp4", "video/mp4", mp4(5000));
        Upload noFile = upload(previewLesson, owner, "empty.pdf", "application/pdf", new byte[0]);

        assertThat(executable.status()).isEqualTo(400);
        assertThat(fakePdf.status()).isEqualTo(400);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLargeVideo.status()).isEqualTo(413);
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(tooLarge.body().get("status").asInt()).isEqualTo(413);
        assertThat(api.get("/lessons/" + previewLesson + "/assets").body().get("items")).isEmpty();

        assertThat(upload(previewLesson, owner, "clip.mp4", "video/mp4", mp4(3000)).status()).isEqualTo(201);
    }

    @Test
    void storedFilesGoWithTheirLessonAndCourseButOnlyOnceTheDeletionCommitted() throws Exception {
        String lockedAsset = upload(lockedLesson, owner, "notes.pdf", "application/pdf", PDF).body().get("assetId")
                .asString();
        String previewAsset = upload(previewLesson, owner, "slides.pdf", "application/pdf", PDF).body().get("assetId")
                .asString();
        Path lockedFile = STORE.resolve(courseId + "/" + lockedLesson + "/" + lockedAsset);
        Path previewFile = STORE.resolve(courseId + "/" + previewLesson + "/" + previewAsset);
        assertThat(lockedFile).exists();
        assertThat(previewFile).exists();

        // the only module of a published course cannot go: the deletion rolls back, and the files must stay
        assertThat(api.delete("/modules/" + module, owner).status()).isEqualTo(409);
        assertThat(lockedFile).exists();
        assertThat(download("/api/v1/assets/" + lockedAsset, owner, null).statusCode()).isEqualTo(200);

        assertThat(api.delete("/lessons/" + lockedLesson, owner).status()).isEqualTo(204);
        assertThat(lockedFile).doesNotExist();
        assertThat(download("/api/v1/assets/" + lockedAsset, owner, null).statusCode()).isEqualTo(404);
        assertThat(previewFile).exists();

        assertThat(api.delete("/courses/" + courseId, owner).status()).isEqualTo(204);
        assertThat(previewFile).doesNotExist();
        assertThat(STORE.resolve(courseId)).doesNotExist();
    }

    @Test
    void signedUrlsServeTheFileWithoutATokenUntilTheyExpire() throws Exception {
        String assetId = upload(lockedLesson, owner, "notes.pdf", "application/pdf", PDF).body().get("assetId")
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
        HttpResponse<byte[]> whole = download(url, null, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(PDF);
        HttpResponse<byte[]> part = download(url, null, "bytes=5-9");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(PDF, 5, 10));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 5-9/" + PDF.length);

        // tampered, moved to another asset, later expiry, missing signature, expired: 403 problems
        String signature = url.substring(url.indexOf("&signature=") + "&signature=".length());
        String otherAsset = upload(lockedLesson, owner, "other.pdf", "application/pdf", PDF).body().get("assetId")
                .asString();
        long expires = expiresAt.getEpochSecond();
        for (String refused : List.of(
                url.substring(0, url.length() - 1) + (url.endsWith("A") ? "B" : "A"),
                "/api/v1/assets/" + otherAsset + "?expires=" + expires + "&signature=" + signature,
                "/api/v1/assets/" + assetId + "?expires=" + (expires + 3600) + "&signature=" + signature,
                "/api/v1/assets/" + assetId + "?expires=" + expires,
                signedWithDevSecret(assetId, Instant.now().minusSeconds(1).getEpochSecond()))) {
            HttpResponse<byte[]> answer = download(refused, null, null);
            assertThat(answer.statusCode()).as(refused).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        // the documented scheme: the same HMAC with a later expiry is accepted
        assertThat(download(signedWithDevSecret(assetId, expires + 60), null, null).statusCode()).isEqualTo(200);

        // anyone may have a signed URL to a preview lesson's file
        String previewAsset = upload(previewLesson, owner, "slides.pdf", "application/pdf", PDF).body()
                .get("assetId").asString();
        Response anonymous = api.get("/lessons/" + previewLesson + "/assets/" + previewAsset + "/url");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(download(anonymous.text("url"), null, null).body()).isEqualTo(PDF);
    }

    /** A URL signed as {@code AssetUrlSigner} documents it, with the development secret the tests run with. */
    private static String signedWithDevSecret(String assetId, long expires) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("dev-only-catalog-url-signing-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((assetId + ":" + expires).getBytes(StandardCharsets.UTF_8)));
        return "/api/v1/assets/" + assetId + "?expires=" + expires + "&signature=" + signature;
    }

    private Upload upload(String lessonId, TestUser user, String fileName, String contentType, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----skillwise" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/lessons/" + lessonId + "/assets"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", TestTokens.shared().bearer(user))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Upload(response.statusCode(), response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    private HttpResponse<byte[]> download(String url, TestUser user, String range) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + url)).GET();
        if (user != null) {
            request.header("Authorization", TestTokens.shared().bearer(user));
        }
        if (range != null) {
            request.header("Range", range);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
    }

    private static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, bytes, 0, 12);
        return bytes;
    }
}
