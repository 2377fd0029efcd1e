package io.skillwise.kit.security.testapp;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.PageView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

@RestController
class NotesController {

    record Note(String text) {
    }

    @GetMapping("/api/v1/notes")
    Map<String, Object> mine() {
        return Map.of("caller", CurrentUser.require().id());
    }

    @GetMapping("/api/v1/public/notes")
    Map<String, Object> everyone() {
        return Map.of("notes", List.of());
    }

    @GetMapping("/internal/notes")
    Map<String, Object> forServices() {
        return Map.of("caller", CurrentUser.require().id());
    }

    @PostMapping("/api/v1/notes")
    Map<String, Object> write(@RequestBody Note note) {
        return Map.of("length", note.text().length());
    }

    /** An upload route (skillwise.web.uploads in the test's properties): the raw body, counted. */
    @PutMapping(path = "/api/v1/uploads/{id}", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    Map<String, Object> upload(@PathVariable String id, HttpServletRequest request) throws IOException {
        return Map.of("id", id, "bytes", request.getInputStream().readAllBytes().length);
    }

    /** A form upload, as a browser sends a file. */
    @PutMapping(path = "/api/v1/attachments/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> attach(@PathVariable String id, @RequestPart("file") MultipartFile file) {
        return Map.of("id", id, "bytes", file.getSize());
    }

    @GetMapping("/api/v1/notes/paged")
    PageView<Integer> paged(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageView.check(page, size);
        return PageView.of(IntStream.range(0, size).map(i -> page * size + i).boxed().toList(), page, size, 1_000_000);
    }
}
