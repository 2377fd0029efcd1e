package io.skillwise.kit.messaging.deadletter;

import io.skillwise.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Operators' view of this service's dead letters, and their replay after a fix. Every service has it; it is served
 * by the service itself (like {@code /actuator}), not routed by the gateway, and needs the {@code admin} role.
 */
@RestController
@PreAuthorize("hasRole('admin')")
@Tag(name = "Dead letters", description = "Records this service could not process, and their replay (admins). "
        + "Served by the service itself, like /actuator: the gateway does not route /admin/**")
public class DeadLetterController {

    private static final String PROBLEM = "application/problem+json";
    /** The most event ids one replay names; more are replayed in several requests, or all at once without ids. */
    static final int MAX_REPLAY_IDS = 1000;

    /** @param eventIds the {@code ce_id}s to replay; absent or empty replays every dead letter of the topic */
    public record ReplayRequest(@ArraySchema(maxItems = MAX_REPLAY_IDS) List<UUID> eventIds) {
    }

    public record DeadLetterList(@Schema(example = "payment.order.v1") String topic, List<DeadLetter> items) {
    }

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/admin/dead-letters/{topic}")
    @Operation(summary = "List this service's dead letters of a topic",
            description = "Reads `<topic>.dlt` and returns the records this service's consumers failed on, oldest "
                    + "first, with the failure that sent each there.")
    @ApiResponse(responseCode = "200", description = "The dead letters (possibly none)")
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "This service has no listener on the topic",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = "Kafka did not answer in time", content = @Content(mediaType = PROBLEM))
    public DeadLetterList list(@Parameter(description = "the topic the records came from, e.g. payment.order.v1",
                                       schema = @Schema(maxLength = 249, pattern = "[a-zA-Z0-9._-]+"))
                               @PathVariable String topic) {
        return new DeadLetterList(topic, deadLetters.list(topic));
    }

    @PostMapping("/admin/dead-letters/{topic}/replay")
    @Operation(summary = "Replay this service's dead letters of a topic into its consumer",
            description = "After the cause is fixed: hands each dead letter (all, or those named by `eventIds`) to "
                    + "the listener that failed on it, as the original record. Idempotent: the consumer's inbox "
                    + "ignores what it has applied before, and nothing is written to Kafka, so a replay cannot loop. "
                    + "A record that fails again stays in the dead-letter topic and is reported as FAILED.")
    @ApiResponse(responseCode = "200", description = "What became of each record",
            content = @Content(schema = @Schema(implementation = ReplayReport.class)))
    @ApiResponse(responseCode = "400", description = "The body is not a list of event ids, or names more than "
            + MAX_REPLAY_IDS,
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "This service has no listener on the topic",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = "Kafka did not answer in time", content = @Content(mediaType = PROBLEM))
    public ReplayReport replay(@Parameter(description = "the topic the records came from, e.g. payment.order.v1",
                                       schema = @Schema(maxLength = 249, pattern = "[a-zA-Z0-9._-]+"))
                               @PathVariable String topic,
                               @RequestBody(required = false) ReplayRequest request) {
        List<UUID> eventIds = request == null || request.eventIds() == null ? List.of() : request.eventIds();
        if (eventIds.stream().anyMatch(Objects::isNull)) {
            throw ApiException.badRequest("eventIds must be event ids (UUIDs), not null");
        }
        if (eventIds.size() > MAX_REPLAY_IDS) {
            throw ApiException.badRequest("eventIds names at most " + MAX_REPLAY_IDS + " records; send no ids to "
                    + "replay every dead letter of the topic");
        }
        List<String> ids = eventIds.stream().map(UUID::toString).toList();
        return deadLetters.replay(topic, ids);
    }
}
