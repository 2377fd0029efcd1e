package io.skillwise.notification.preference;

import com.samskivert.mustache.Mustache;
import io.skillwise.notification.NotificationKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one-click unsubscribe link of non-essential mail: public, authorised by its signed token alone. Opening it
 * (GET) shows a page with one button; only the POST unsubscribes, so that mail scanners that open every link do not
 * unsubscribe anyone. Mail clients that honour {@code List-Unsubscribe-Post} (RFC 8058) POST to the same URL.
 */
@RestController
@Tag(name = "Notifications")
class UnsubscribeController {

    /** Pages with an inline style and one form posting back here; nothing else may load. */
    /** Far longer than any token the service signs; a longer one is refused before its signature is checked. */
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final PreferenceService preferences;
    private final Mustache.Compiler templates;

    UnsubscribeController(PreferenceService preferences, Mustache.Compiler templates) {
        this.preferences = preferences;
        this.templates = templates;
    }

    @GetMapping(path = PreferenceService.UNSUBSCRIBE_PATH, produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Unsubscribe page (public)",
            description = "The page behind the unsubscribe link in a mail: names the kind of mail and offers one "
                    + "button that POSTs to the same URL. Changes nothing by itself.")
    @ApiResponse(responseCode = "200", description = "An HTML page with the button")
    @ApiResponse(responseCode = "400", description = "The token is missing, altered or not ours")
    ResponseEntity<String> confirm(@Parameter(description = "the signed token of the link")
                                   @RequestParam @Size(max = MAX_TOKEN_LENGTH) String token) {
        NotificationKind kind = preferences.unsubscribeSubject(token);
        return page("pages/unsubscribe-confirm", Map.of("what", kind.description(), "token", token));
    }

    @PostMapping(path = PreferenceService.UNSUBSCRIBE_PATH, produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Unsubscribe with one click (public)",
            description = "Turns off the e-mail of the link's kind for the link's user (in-app notifications stay as "
                    + "they were). The token is the only authorisation; doing it twice is fine. Takes the RFC 8058 "
                    + "body `List-Unsubscribe=One-Click` or none.")
    @ApiResponse(responseCode = "200", description = "An HTML page confirming it")
    @ApiResponse(responseCode = "400", description = "The token is missing, altered or not ours; nothing changed")
    ResponseEntity<String> unsubscribe(@RequestParam @Size(max = MAX_TOKEN_LENGTH) String token) {
        NotificationKind kind = preferences.unsubscribe(token);
        return page("pages/unsubscribed", Map.of("what", kind.description()));
    }

    private ResponseEntity<String> page(String template, Map<String, Object> model) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PAGE_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(templates.loadTemplate(template).execute(model));
    }
}
