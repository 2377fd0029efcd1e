package io.skillwise.notification;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

import java.util.List;

/**
 * What the features' repositories do alike: batched inserts of documents whose ids say what they are (derived from a
 * delivery's key), so writing a batch again after a crash or a redelivered event adds only what is missing; and the
 * indexes their queries need.
 */
public final class MongoDocuments {

    private static final Logger log = LoggerFactory.getLogger(MongoDocuments.class);
    private static final int DUPLICATE_KEY = 11000;

    private MongoDocuments() {
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

    /**
     * Creates the indexes real MongoDB needs for the queries (the stand-in accepts and ignores them). A store that is
     * away at start is not fatal: the service works without them, slower, until its next start; a warning says so.
     */
    public static void ensureIndexes(MongoTemplate mongo, Class<?> type, Index... indexes) {
        try {
            for (Index index : indexes) {
                mongo.indexOps(type).createIndex(index);
            }
        } catch (RuntimeException e) {
            log.warn("could not create the indexes of {}: {}", mongo.getCollectionName(type), e.toString());
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
