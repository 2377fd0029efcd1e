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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    @LocalServerPort
    int port;

    CatalogApi api;
    TestUser owner = TestUser.instructor();
    TestUser intruder = TestUser.instructor();
    TestUser student = TestUser.student();
    String courseId;
    String previewLesson;
    String lockedLesson;

    record Upload(int status, JsonNode body) {
    }

    @BeforeEach
    void setUp() {
        api = new CatalogApi(port);
        courseId = api.post("/courses", owner, Courses.draft("With Materials")).id();
        String module = api.post("/courses/" + courseId + "/modules", owner, Map.of("title", "M")).id();
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
