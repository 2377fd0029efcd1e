package io.skillwise.notification;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/**
 * Batched inserts of documents whose ids say what they are (derived from a delivery's key), so writing a batch again
 * after a crash or a redelivered event adds only what is missing.
 */
public final class MongoBatches {

    private static final int DUPLICATE_KEY = 11000;

    private MongoBatches() {
    }

    /**
     * Inserts the documents in one unordered bulk write; those whose id exists already are left as they are.
     *
     * @return how many were new
     */
    public static int insertNew(MongoTemplate mongo, Class<?> type, List<?> documents) {
        if (documents.isEmpty()) {
            return 0;
        }
        try {
            return mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type).insert(documents).execute().getInsertedCount();
        } catch (BulkOperationException e) {
            return documents.size() - duplicates(e.getErrors());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            if (e.getCause() instanceof MongoBulkWriteException bulk) {
                return documents.size() - duplicates(bulk.getWriteErrors());
            }
            throw e;
        }
    }

    /** Each refused insert has one error; anything but a duplicate id is a real failure. */
    private static int duplicates(List<BulkWriteError> errors) {
        for (BulkWriteError error : errors) {
            if (error.getCode() != DUPLICATE_KEY) {
                throw new IllegalStateException("batch insert failed: " + error.getMessage());
            }
        }
        return errors.size();
    }
}
