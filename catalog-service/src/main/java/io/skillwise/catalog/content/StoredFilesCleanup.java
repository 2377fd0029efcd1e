package io.skillwise.catalog.content;

import io.skillwise.catalog.common.ContentRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.io.IOException;
import java.util.List;

/**
 * Removes the stored files of deleted lessons and courses once the deletion has committed. Every file of a lesson
 * lives under {@code <course>/<lesson>/} ({@link AssetService} makes the keys), so nothing has to be read before the
 * rows are gone. A failure leaves unreferenced files behind, which are harmless; it is logged.
 */
@Component
class StoredFilesCleanup {

    private static final Logger log = LoggerFactory.getLogger(StoredFilesCleanup.class);

    private final AssetStorage storage;

    StoredFilesCleanup(AssetStorage storage) {
        this.storage = storage;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void removeFiles(ContentRemoved removed) {
        List<String> prefixes = removed.lessonIds().isEmpty()
                ? List.of(AssetService.courseFolder(removed.courseId()))
                : removed.lessonIds().stream().map(lesson -> AssetService.lessonFolder(removed.courseId(), lesson))
                        .toList();
        for (String prefix : prefixes) {
            try {
                storage.deleteAll(prefix);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not remove the stored files under {}: {}", prefix, e.getMessage());
            }
        }
    }
}
