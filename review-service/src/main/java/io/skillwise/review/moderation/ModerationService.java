package io.skillwise.review.moderation;

import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * The one moderation queue over every kind of content (reviews, reported discussion posts): each kind answers for
 * its own items, the queue merges them in one order and pages through the result.
 */
@Service
public class ModerationService {

    private final Map<ModeratedContentKind, ModerationSource> sources = new EnumMap<>(ModeratedContentKind.class);

    ModerationService(List<ModerationSource> sources) {
        sources.forEach(source -> this.sources.put(source.kind(), source));
    }

    public PageView<QueueItem> queue(ModeratedContentKind kind, int page, int size) {
        return merged(kind, page, size, source -> source::openItems, ModerationSource::countOpen,
                QueueItem.QUEUE_ORDER);
    }

    public PageView<LoggedAction> actions(ModeratedContentKind kind, UUID moderatorId, int page, int size) {
        return merged(kind, page, size, source -> limit -> source.actions(moderatorId, limit),
                source -> source.countActions(moderatorId), LoggedAction.NEWEST_FIRST);
    }

    public QueueItem item(ModeratedContentKind kind, UUID contentId) {
        return source(kind).item(contentId).orElseThrow(() -> ApiException.notFound(describe(kind, contentId)));
    }

    public QueueItem decide(ModeratedContentKind kind, UUID contentId, ModerationAction action, String reason,
                            CurrentUser moderator) {
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (action.needsReason() && cleanReason == null) {
            throw ApiException.badRequest("say why (reason): the author is told");
        }
        return source(kind).decide(contentId, action, cleanReason, moderator);
    }

    private <T> PageView<T> merged(ModeratedContentKind kind, int page, int size,
                                   Function<ModerationSource, IntFunction<List<T>>> firstItems,
                                   ToLongFunction<ModerationSource> count, Comparator<T> order) {
        // the kit's bound on page * size also bounds how many items of each kind are merged for one page
        PageView.check(page, size);
        int depth = (page + 1) * size;
        List<ModerationSource> chosen = kind == null ? List.copyOf(sources.values()) : List.of(source(kind));
        List<T> all = new ArrayList<>();
        long total = 0;
        for (ModerationSource source : chosen) {
            all.addAll(firstItems.apply(source).apply(depth));
            total += count.applyAsLong(source);
        }
        all.sort(order);
        int from = Math.min(page * size, all.size());
        int to = Math.min(from + size, all.size());
        return PageView.of(all.subList(from, to), page, size, total);
    }

    private ModerationSource source(ModeratedContentKind kind) {
        ModerationSource source = sources.get(kind);
        if (source == null) {
            throw ApiException.notFound("content kind " + kind);
        }
        return source;
    }

    private static String describe(ModeratedContentKind kind, UUID contentId) {
        return (kind == ModeratedContentKind.REVIEW ? "review " : "discussion post ") + contentId;
    }
}
