package io.skillwise.kit.security;

import io.skillwise.kit.security.testapp.SecurityTestApplication;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How much a caller reaching a service directly can make it read: bodies of 1 MB, uploads their own, pages 10,000. */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skillwise.web.uploads[0].path=/api/v1/uploads/*", "skillwise.web.uploads[0].max-size=3MB"})
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
class RequestLimitsIT {

    private static final int MEGABYTE = 1024 * 1024;

    @LocalServerPort
    int port;

    private ApiClient student;

    @BeforeEach
    void connect() {
        student = ApiClient.root(port).as(TestUser.student());
    }

    @Test
    void aTwoMegabyteBodyToAnOrdinaryRouteIsTooLarge() {
        ApiResponse refused = send("POST", "/api/v1/notes", "application/json", jsonOf(2 * MEGABYTE), false);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("https://skillwise.io/problems/too-large");
    }

    @Test
    void aBodyWithoutADeclaredLengthIsCutOffOnceItPassesTheLimit() {
        ApiResponse refused = send("POST", "/api/v1/notes", "application/json", jsonOf(2 * MEGABYTE), true);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.text("type")).isEqualTo("https://skillwise.io/problems/too-large");
        assertThat(send("POST", "/api/v1/notes", "application/json", jsonOf(1000), true).status())
                .as("a small streamed body").isEqualTo(200);
    }

    @Test
    void anUploadRouteTakesTheBoundItDeclares() {
        ApiResponse accepted = send("PUT", "/api/v1/uploads/a1", "application/octet-stream", new byte[2 * MEGABYTE],
                false);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("bytes").asInt()).isEqualTo(2 * MEGABYTE);

        assertThat(send("PUT", "/api/v1/uploads/a1", "application/octet-stream", new byte[4 * MEGABYTE], false)
                .status()).isEqualTo(413);
        assertThat(send("PUT", "/api/v1/uploads/a1", "application/octet-stream", new byte[4 * MEGABYTE], true)
                .status()).as("streamed").isEqualTo(413);
    }

    @Test
    void aMultipartBodyThatCannotBeReadIsABadRequestNotAServerError() {
        assertThat(student.upload("/api/v1/attachments/a1", "notes.txt", "text/plain", new byte[10]).status())
                .as("a readable form upload").isEqualTo(200);

        ApiResponse withoutBoundary = send("PUT", "/api/v1/attachments/a1", "multipart/form-data", new byte[0], false);
        ApiResponse cutShort = send("PUT", "/api/v1/attachments/a1", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc"
                        .getBytes(StandardCharsets.US_ASCII), false);

        for (ApiResponse refused : List.of(withoutBoundary, cutShort)) {
            refused.assertProblem(400);
            assertThat(refused.text("type")).isEqualTo("https://skillwise.io/problems/unreadable-body");
        }
    }

    /** Found by the system tests' ApiFuzzIT: Spring dropped the problem, leaving an empty answer. */
    @Test
    void anErrorIsAProblemEvenWhenTheAcceptHeaderCannotBeParsed() {
        ApiResponse refused = student.withHeader("Accept", "x".repeat(500)).get("/api/v1/notes/paged?page=501&size=20");

        refused.assertProblem(400);
        assertThat(refused.text("type")).isEqualTo("https://skillwise.io/problems/page-too-deep");
    }

    @Test
    void pagingDeeperThanTenThousandItemsAsksToNarrowTheFilters() {
        assertThat(get("/api/v1/notes/paged?page=500&size=20").status()).isEqualTo(200);

        ApiResponse tooDeep = get("/api/v1/notes/paged?page=501&size=20");

        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.contentType()).startsWith("application/problem+json");
        assertThat(tooDeep.text("type")).isEqualTo("https://skillwise.io/problems/page-too-deep");
        assertThat(tooDeep.text("detail")).contains("narrow the filters");
        assertThat(get("/api/v1/notes/paged?page=" + Integer.MAX_VALUE + "&size=100").status()).isEqualTo(400);
    }

    private ApiResponse get(String path) {
        return student.get(path);
    }

    /** A body of known length, or streamed without one (chunked). */
    private ApiResponse send(String method, String path, String type, byte[] body, boolean streamed) {
        HttpRequest.BodyPublisher publisher = streamed
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return student.send(student.request(path).header("Content-Type", type).method(method, publisher));
    }

    private static byte[] jsonOf(int size) {
        byte[] text = new byte[size - 12];
        Arrays.fill(text, (byte) 'x');
        String json = "{\"text\":\"" + new String(text, StandardCharsets.US_ASCII) + "\"}";
        return json.getBytes(StandardCharsets.US_ASCII);
    }
}
