package io.skillwise.notification.inapp;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.notification.Notice;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** In-app notifications: written in batches by the delivery core, read and marked read by their recipients. */
@Service
public class NotificationService {

    private final NotificationRepository notifications;
    private final NotificationSequence sequence;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, NotificationSequence sequence, Clock clock) {
        this.notifications = notifications;
        this.sequence = sequence;
        this.clock = clock;
    }

    /**
     * One notice for some recipients under one delivery key (what makes the delivery unique: repeating it writes
     * nothing twice).
     */
    public record Addressed(String deliveryKey, Notice notice, Collection<UUID> recipients) {
    }

    /**
     * Writes each notice for each of its recipients that does not have it from its delivery yet, all of them in one
     * query for what exists, one counter update and one bulk insert.
     *
     * @return how many notifications were written
     */
    public int record(List<Addressed> notices) {
        Map<String, Pending> byId = new LinkedHashMap<>();
        for (Addressed addressed : notices) {
            for (UUID recipient : addressed.recipients()) {
                byId.putIfAbsent(idOf(addressed.deliveryKey(), recipient).toString(), new Pending(addressed, recipient));
            }
        }
        if (byId.isEmpty()) {
            return 0;
        }
        Set<String> existing = notifications.existing(byId.keySet());
        List<Map.Entry<String, Pending>> missing = byId.entrySet().stream()
                .filter(entry -> !existing.contains(entry.getKey())).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        long next = sequence.reserve(missing.size()) - missing.size() + 1;
        Instant now = clock.instant();
        List<Notification> batch = new ArrayList<>(missing.size());
        for (Map.Entry<String, Pending> entry : missing) {
            Notice notice = entry.getValue().addressed().notice();
            batch.add(new Notification(entry.getKey(), entry.getValue().recipient().toString(), next++,
                    notice.kind().name(), notice.title(), notice.text(), notice.link(), false, null, now,
                    entry.getValue().addressed().deliveryKey()));
        }
        return notifications.insertNew(batch);
    }

    private record Pending(Addressed addressed, UUID recipient) {
    }

    public PageView<NotificationView> list(CurrentUser caller, boolean unreadOnly, int page, int size) {
        PageView.check(page, size);
        List<NotificationView> items = notifications.page(caller.id(), unreadOnly, page, size).stream()
                .map(NotificationView::of).toList();
        return PageView.of(items, page, size, notifications.count(caller.id(), unreadOnly));
    }

    public long unreadCount(CurrentUser caller) {
        return notifications.count(caller.id(), true);
    }

    /** Marks one of the caller's notifications read (again is fine); someone else's is 403. */
    public NotificationView markRead(UUID id, CurrentUser caller) {
        Notification notification = notifications.find(id).orElseThrow(() -> ApiException.notFound("notification"));
        Ownership.requireOwner(caller, UUID.fromString(notification.recipientId()));
        notifications.markRead(id, clock.instant());
        return notifications.find(id).map(NotificationView::of).orElseThrow(() -> ApiException.notFound("notification"));
    }

    /** @return how many were unread */
    public long markAllRead(CurrentUser caller) {
        return notifications.markAllRead(caller.id(), clock.instant());
    }

    /** The highest number given to a notification so far, by any instance. */
    public long head() {
        return sequence.head();
    }

    /** Notifications of everybody numbered after {@code seq}, in order (what the live streams follow). */
    public List<LiveNotification> after(long seq, int limit) {
        return notifications.after(seq, limit).stream().map(LiveNotification::of).toList();
    }

    /** The newest {@code limit} of one recipient's notifications numbered after {@code seq}, in order (a replay). */
    public List<LiveNotification> latestAfter(UUID recipientId, long seq, int limit) {
        return notifications.latestAfter(recipientId, seq, limit).stream().map(LiveNotification::of).toList();
    }

    /** Deletes every notification of a deleted account. */
    public long erase(UUID recipientId) {
        return notifications.deleteAllOf(recipientId);
    }

    static UUID idOf(String deliveryKey, UUID recipient) {
        return UUID.nameUUIDFromBytes((deliveryKey + "|" + recipient).getBytes(StandardCharsets.UTF_8));
    }
}
