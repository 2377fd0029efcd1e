package io.skillwise.notification.stream;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Notifications")
class StreamController {

    /** One event as it arrives, then a heartbeat: the example of the document. */
    private static final String EVENT_EXAMPLE = "id: 1042\nevent: notification\ndata: {\"id\": "
            + "\"9b2d4c1e-5f3a-4e8b-a7d6-1c0e2f4a6b8d\", \"kind\": \"QUIZ_GRADED\", \"title\": \"Quiz graded: 80%\", "
            + "\"read\": false, \"createdAt\": \"2026-03-01T10:15:30Z\"}\n\n: heartbeat\n\n";

    private final LiveStreams streams;

    StreamController(LiveStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow my notifications live (server-sent events)",
            description = "Each new notification arrives as an event `notification` whose `id` is its place in the "
                    + "order of all notifications and whose data is the notification as in the list. A comment line "
                    + "`: heartbeat` follows any 15 s of silence. The stream ends when the access token expires; "
                    + "reconnect with a fresh token and the header `Last-Event-ID` (the last id received) to get "
                    + "what was missed meanwhile (up to the newest 500). Send the token in the `Authorization` header "
                    + "(browsers: a fetch-based EventSource).")
    @ApiResponse(responseCode = "200", description = "The event stream (text/event-stream)", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string"),
            examples = @ExampleObject(EVENT_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "Last-Event-ID is not an event id of this stream")
    @ApiResponse(responseCode = "401", description = "No valid access token")
    SseEmitter stream(@Parameter(description = "the id of the last event received, when reconnecting",
                              schema = @Schema(maxLength = 19, pattern = "[0-9]+"))
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(CurrentUser.require(), parse(lastEventId));
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(lastEventId.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Last-Event-ID must be the id of an event of this stream (a number)");
        }
    }
}
