package io.skillwise.notification.stream;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The streams open on this instance, by user. */
@Component
class LiveConnections {

    private final Map<UUID, List<LiveConnection>> byUser = new ConcurrentHashMap<>();

    /** Adds the connection; answers the user's oldest one when they now have more than {@code max}. */
    LiveConnection add(LiveConnection connection, int max) {
        List<LiveConnection> mine = byUser.computeIfAbsent(connection.userId(), id -> new CopyOnWriteArrayList<>());
        mine.add(connection);
        return mine.size() > max ? mine.getFirst() : null;
    }

    void remove(LiveConnection connection) {
        byUser.computeIfPresent(connection.userId(), (id, mine) -> {
            mine.remove(connection);
            return mine.isEmpty() ? null : mine;
        });
    }

    List<LiveConnection> of(UUID userId) {
        return byUser.getOrDefault(userId, List.of());
    }

    boolean isEmpty() {
        return byUser.isEmpty();
    }

    int size() {
        return byUser.values().stream().mapToInt(List::size).sum();
    }
}
