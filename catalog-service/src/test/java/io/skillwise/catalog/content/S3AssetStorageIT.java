package io.skillwise.catalog.content;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.skillwise.catalog.content.AssetFiles.mp4;
import static io.skillwise.catalog.content.AssetFiles.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog's asset flow with {@code skillwise.catalog.content.storage=s3} against a real S3 server (s3proxy, with
 * signature checks): uploads land in the bucket under the local store's keys, downloads and ranges come from it,
 * deletions empty it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.catalog.content.storage=s3",
        "skillwise.catalog.content.storage-directory=target/test-content-s3-unused",
        "skillwise.catalog.content.max-document-size=2KB"})
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class S3AssetStorageIT {

    private static final S3TestServer S3 = S3TestServer.start("catalog-assets", false);
    private static final byte[] PDF = pdf(1500);
    /** Larger than the buffers on the way (8 KB in Spring, 128 KB the SDK keeps for a retry). */
    private static final byte[] VIDEO = video(300_000);

    @DynamicPropertySource
    static void bucket(DynamicPropertyRegistry registry) {
        registry.add("skillwise.catalog.content.s3.bucket", S3::bucket);
        registry.add("skillwise.catalog.content.s3.endpoint", () -> S3.endpoint().toString());
        registry.add("skillwise.catalog.content.s3.region", () -> S3TestServer.REGION);
        registry.add("skillwise.catalog.content.s3.path-style", () -> "true");
        registry.add("skillwise.catalog.content.s3.access-key", () -> S3TestServer.ACCESS_KEY);
        registry.add("skillwise.catalog.content.s3.secret-key", () -> S3TestServer.SECRET_KEY);
    }

    @AfterAll
    static void stopServer() throws Exception {
        S3.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    AssetStorage storage;

    ApiClient api;
    ApiClient site;
    TestUser owner = TestUser.instructor();
    TestUser student = TestUser.student();
    CourseWithLessons course;

    @BeforeEach
    void setUp() {
        api = ApiClient.api(port);
        site = ApiClient.root(port);
        course = CourseWithLessons.publish(api, owner, "Stored in S3");
    }

    @Test
    void theS3StoreIsTheOneInUse() {
        assertThat(storage).isInstanceOf(S3AssetStorage.class);
    }

    @Test
    void uploadsLandInTheBucketAndAreServedFromItWithRanges() throws Exception {
        ApiResponse uploaded = api.as(owner).upload("/lessons/" + course.previewLesson() + "/assets", "intro.mp4",
                "video/mp4", VIDEO);
        assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(201);
        String key = course.courseId() + "/" + course.previewLesson() + "/" + uploaded.text("assetId");
        assertThat(S3.keys(course.courseId() + "/")).containsExactly(key);
        assertThat(S3.bytes(key)).isEqualTo(VIDEO);
        assertThat(Path.of("target/test-content-s3-unused")).doesNotExist();

        String url = uploaded.body().get("url").asString();
        ApiResponse whole = site.get(url);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.raw()).isEqualTo(VIDEO);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(whole.headers().firstValue("Content-Length")).hasValue(String.valueOf(VIDEO.length));

        ApiResponse start = site.withHeader("Range", "bytes=0-11").get(url);
        assertThat(start.status()).isEqualTo(206);
        assertThat(start.raw()).isEqualTo(Arrays.copyOfRange(VIDEO, 0, 12));
        assertThat(start.headers().firstValue("Content-Range")).hasValue("bytes 0-11/" + VIDEO.length);

        // seeking into the middle and to the end of the video
        ApiResponse middle = site.withHeader("Range", "bytes=150000-209999").get(url);
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.raw()).isEqualTo(Arrays.copyOfRange(VIDEO, 150_000, 210_000));
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 150000-209999/" + VIDEO.length);
        ApiResponse tail = site.withHeader("Range", "bytes=-1000").get(url);
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.raw()).isEqualTo(Arrays.copyOfRange(VIDEO, VIDEO.length - 1000, VIDEO.length));
        ApiResponse open = site.withHeader("Range", "bytes=299990-").get(url);
        assertThat(open.raw()).isEqualTo(Arrays.copyOfRange(VIDEO, 299_990, VIDEO.length));

        // several ranges in one request: multipart/byteranges with each part from its own offset
        ApiResponse several = site.withHeader("Range", "bytes=4-7,100000-100003").get(url);
        assertThat(several.status()).isEqualTo(206);
        assertThat(several.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("multipart/byteranges"));
        String parts = new String(several.raw(), StandardCharsets.ISO_8859_1);
        assertThat(parts).contains("Content-Range: bytes 4-7/" + VIDEO.length, "ftyp",
                "Content-Range: bytes 100000-100003/" + VIDEO.length,
                new String(Arrays.copyOfRange(VIDEO, 100_000, 100_004), StandardCharsets.ISO_8859_1));

        ApiResponse beyond = site.withHeader("Range", "bytes=400000-400010").get(url);
        assertThat(beyond.status()).isEqualTo(416);
    }

    @Test
    void signedUrlsAndLessonAccessWorkTheSameWithS3() throws Exception {
        String assetId = api.as(owner).upload("/lessons/" + course.lockedLesson() + "/assets", "notes.pdf",
                "application/pdf", PDF).text("assetId");
        assertThat(site.as(student).get("/api/v1/assets/" + assetId).status()).isEqualTo(403);
        assertThat(site.get("/api/v1/assets/" + assetId).status()).isEqualTo(403);
        assertThat(api.as(student).get("/lessons/" + course.lockedLesson() + "/assets/" + assetId + "/url").status())
                .isEqualTo(403);

        ApiResponse signed = api.as(owner).get("/lessons/" + course.lockedLesson() + "/assets/" + assetId + "/url");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        String url = signed.text("url");
        ApiResponse whole = site.get(url);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.raw()).isEqualTo(PDF);
        ApiResponse part = site.withHeader("Range", "bytes=5-9").get(url);
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.raw()).isEqualTo(Arrays.copyOfRange(PDF, 5, 10));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 5-9/" + PDF.length);
    }

    @Test
    void refusedUploadsPutNothingInTheBucket() throws Exception {
        assertThat(api.as(owner).upload("/lessons/" + course.previewLesson() + "/assets", "big.pdf", "application/pdf",
                pdf(3000)).status())
                .isEqualTo(413);
        assertThat(api.as(owner).upload("/lessons/" + course.previewLesson() + "/assets", "fake.pdf", "application/pdf",
                "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(400);
        assertThat(S3.keys(course.courseId() + "/")).isEmpty();
    }

    @Test
    void deletedFilesLessonsAndCoursesLeaveTheBucketButOnlyOnceTheDeletionCommitted() throws Exception {
        String preview = course.previewLesson();
        String locked = course.lockedLesson();
        String folder = course.courseId() + "/";
        String single = api.as(owner).upload("/lessons/" + preview + "/assets", "first.pdf", "application/pdf", PDF)
                .text("assetId");
        String previewAsset = api.as(owner).upload("/lessons/" + preview + "/assets", "slides.pdf", "application/pdf",
                PDF).text("assetId");
        String lockedAsset = api.as(owner).upload("/lessons/" + locked + "/assets", "notes.pdf", "application/pdf",
                PDF).text("assetId");
        String lockedVideo = api.as(owner).upload("/lessons/" + locked + "/assets", "deep.mp4", "video/mp4",
                mp4(3000)).text("assetId");
        assertThat(S3.keys(folder)).hasSize(4);

        // one file
        assertThat(api.as(owner).delete("/assets/" + single).status()).isEqualTo(204);
        assertThat(S3.keys(folder)).doesNotContain(folder + preview + "/" + single).hasSize(3);
        assertThat(site.as(owner).get("/api/v1/assets/" + single).status()).isEqualTo(404);

        // the only module of a published course cannot go: the deletion rolls back, the objects stay
        assertThat(api.as(owner).delete("/modules/" + course.module()).status()).isEqualTo(409);
        assertThat(S3.keys(folder)).hasSize(3);

        // a lesson: its objects, and no other lesson's
        assertThat(api.as(owner).delete("/lessons/" + locked).status()).isEqualTo(204);
        assertThat(S3.keys(folder + locked + "/")).isEmpty();
        assertThat(S3.keys(folder)).containsExactly(folder + preview + "/" + previewAsset);
        assertThat(site.as(owner).get("/api/v1/assets/" + lockedAsset).status()).isEqualTo(404);
        assertThat(site.as(owner).get("/api/v1/assets/" + lockedVideo).status()).isEqualTo(404);

        // the course: everything under it
        assertThat(api.as(owner).delete("/courses/" + course.courseId()).status()).isEqualTo(204);
        assertThat(S3.keys(folder)).isEmpty();
    }

    @Test
    void theStoreSkipsToAnOffsetWithoutReadingWhatComesBefore() throws Exception {
        String key = "store-" + UUID.randomUUID() + "/lesson/asset";
        storage.store(key, new ByteArrayInputStream(VIDEO), VIDEO.length, "video/mp4");
        Resource resource = storage.open(key);
        assertThat(resource.contentLength()).isEqualTo(VIDEO.length);

        try (InputStream in = resource.getInputStream()) {
            assertThat(in.skip(250_000)).isEqualTo(250_000);
            assertThat(in.readNBytes(10)).isEqualTo(Arrays.copyOfRange(VIDEO, 250_000, 250_010));
            // a skip after reading started drops that download and continues from the new offset
            assertThat(in.skip(39_990)).isEqualTo(39_990);
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(VIDEO, 290_000, VIDEO.length));
            assertThat(in.skip(10)).isZero();
            assertThat(in.read()).isEqualTo(-1);
        }
        try (InputStream in = resource.getInputStream()) {
            assertThat(in.skip(VIDEO.length + 100L)).isEqualTo(VIDEO.length);
            assertThat(in.read()).isEqualTo(-1);
        }
        // each stream is a download of its own
        try (InputStream in = resource.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(VIDEO);
        }
    }

    @Test
    void missingObjectsAreNotFoundAndDeletingTwiceIsFine() throws Exception {
        String key = "store-" + UUID.randomUUID() + "/lesson/asset";
        assertThatThrownBy(() -> storage.open(key)).isInstanceOf(FileNotFoundException.class);
        storage.store(key, new ByteArrayInputStream(PDF), PDF.length, "application/pdf");
        assertThat(storage.open(key).contentLength()).isEqualTo(PDF.length);

        storage.delete(key);
        storage.delete(key);
        assertThat(S3.keys(key)).isEmpty();
        assertThatThrownBy(() -> storage.open(key)).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> storage.deleteAll("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.deleteAll("course-without-slash")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoreThatRefusesTheCallerIsAnErrorNotAMissingFile() throws Exception {
        String key = "store-" + UUID.randomUUID() + "/lesson/asset";
        storage.store(key, new ByteArrayInputStream(PDF), PDF.length, "application/pdf");
        ContentProperties.S3 right = S3.settings();
        ContentProperties.S3 wrongSecret = new ContentProperties.S3(right.bucket(), right.region(), right.endpoint(),
                true, right.accessKey(), "not-the-secret");
        try (S3Client client = ContentConfiguration.s3Client(wrongSecret)) {
            // AssetService answers the first with 404, the second with 503
            assertThatThrownBy(() -> new S3AssetStorage(client, S3.bucket()).open(key))
                    .isInstanceOf(IOException.class).isNotInstanceOf(FileNotFoundException.class);
        }
    }

    @Test
    void deletingAPrefixTakesMoreObjectsThanOneListingPageAndNothingElse() throws Exception {
        // this server refuses the batch deletion's checksum header: objects go one by one
        try (S3Client client = ContentConfiguration.s3Client(S3.settings())) {
            S3AssetStorage store = new S3AssetStorage(client, S3.bucket(), 10);
            deleteAllRemovesExactlyThePrefix(store, S3, 10);
            assertThat(store.usesBatchDeletion()).isFalse();
        }
    }

    @Test
    void storesThatTakeBatchDeletionsGetThem() throws Exception {
        try (S3TestServer lenient = S3TestServer.start("catalog-assets-batch", true);
             S3Client client = ContentConfiguration.s3Client(lenient.settings())) {
            // the service's page: as many keys in one batch deletion as S3 takes
            S3AssetStorage store = new S3AssetStorage(client, lenient.bucket());
            deleteAllRemovesExactlyThePrefix(store, lenient, 1_000);
            assertThat(store.usesBatchDeletion()).isTrue();
        }
    }

    private static void deleteAllRemovesExactlyThePrefix(AssetStorage store, S3TestServer server, int page)
            throws Exception {
        String course = "store-" + UUID.randomUUID() + "/";
        String neighbour = "store-" + UUID.randomUUID() + "/lesson/kept";
        byte[] small = "x".getBytes(StandardCharsets.US_ASCII);
        // more than one listing page
        int count = page + 5;
        List<String> keys = IntStream.range(0, count).mapToObj(i -> course + "lesson-" + (i % 3) + "/asset-" + i).toList();
        for (String key : keys) {
            store.store(key, new ByteArrayInputStream(small), small.length, "application/octet-stream");
        }
        store.store(neighbour, new ByteArrayInputStream(small), small.length, "application/octet-stream");
        // a key that merely starts like the course, without the slash, is another course
        String lookalike = course.substring(0, course.length() - 1) + "0/lesson/asset";
        store.store(lookalike, new ByteArrayInputStream(small), small.length, "application/octet-stream");
        assertThat(server.keys(course)).hasSize(count);

        store.deleteAll(course + "lesson-1/");
        assertThat(server.keys(course)).hasSize(count - count / 3).noneMatch(key -> key.startsWith(course + "lesson-1/"));
        store.deleteAll(course);
        assertThat(server.keys(course)).isEmpty();
        assertThat(server.keys(neighbour)).containsExactly(neighbour);
        assertThat(server.keys(lookalike)).containsExactly(lookalike);
        store.deleteAll(course);
    }

    private static byte[] video(int size) {
        byte[] bytes = mp4(size);
        for (int i = 12; i < size; i++) {
            bytes[i] = (byte) (i * 31 + (i >> 8));
        }
        return bytes;
    }
}
