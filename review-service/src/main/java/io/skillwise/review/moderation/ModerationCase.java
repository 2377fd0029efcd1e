package io.skillwise.review.moderation;

import org.springframework.data.annotation.Id;

import java.util.List;
import java.util.UUID;

/** What moderators see of a piece of content beyond the content: who reported it, and what was decided. */
public record ModerationCase(@Id UUID id, List<Report> reports, List<ModerationLogEntry> actions) {

    public ModerationCase {
        reports = reports == null ? List.of() : List.copyOf(reports);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
