package io.skillwise.kit.messaging.consumer;

import io.skillwise.kit.messaging.UnprocessableEventException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What a listener's failure says about the record, which decides what the kit's error handler does with it.
 * The whole cause chain is read: Spring wraps a handler's exception in a {@code ListenerExecutionFailedException},
 * and a driver's in its own.
 */
public enum FailureKind {

    /** The record can never be applied ({@link UnprocessableEventException}, undeserialisable): dead letter at once. */
    POISON,
    /**
     * A store or the broker is away or slow (connection refused, timeouts, fail-over, lock conflicts): the record
     * may well pass later, so it is retried with capped backoff for as long as it takes, holding its partition.
     */
    TRANSIENT,
    /** Anything else, e.g. a bug in a handler: a few retries, then the dead-letter topic, so the partition moves on. */
    UNKNOWN;

    /**
     * Types named rather than referenced: the JDBC, MongoDB and Kafka classes are optional on a service's class path.
     * Each entry matches the class and its subclasses.
     */
    private static final List<String> POISON_TYPES = List.of(
            "org.springframework.kafka.support.serializer.DeserializationException",
            "org.springframework.messaging.converter.MessageConversionException",
            "org.springframework.messaging.handler.invocation.MethodArgumentResolutionException",
            "org.apache.kafka.common.errors.SerializationException");

    private static final List<String> TRANSIENT_TYPES = List.of(
            // Spring's store-neutral translation: connection failures, timeouts, deadlocks, lock and optimistic conflicts
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.RecoverableDataAccessException",
            // no connection for a new transaction (the pool timed out while PostgreSQL is down)
            "org.springframework.transaction.CannotCreateTransactionException",
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoExecutionTimeoutException",
            // Kafka's own "try again" family: timeouts, leader changes, disconnections
            "org.apache.kafka.common.errors.RetriableException",
            "java.net.ConnectException",
            "java.net.SocketTimeoutException",
            "java.net.http.HttpTimeoutException",
            "java.util.concurrent.TimeoutException");

    /**
     * SQLSTATE classes of failures that pass once the server is reachable again: connection exceptions (08),
     * insufficient resources (53), operator intervention such as a shutdown or fail-over (57P), serialization
     * failures and deadlocks (40001, 40P01), a lock not available (55P03).
     */
    private static final List<String> TRANSIENT_SQL_STATES = List.of("08", "53", "57P", "40001", "40P01", "55P03");

    public static FailureKind of(Throwable failure) {
        List<Throwable> chain = causes(failure);
        for (Throwable cause : chain) {
            if (cause instanceof UnprocessableEventException || isA(cause, POISON_TYPES)) {
                return POISON;
            }
        }
        for (Throwable cause : chain) {
            if (isA(cause, TRANSIENT_TYPES) || cause instanceof SQLException sql && transientState(sql.getSQLState())) {
                return TRANSIENT;
            }
        }
        return UNKNOWN;
    }

    /** The innermost cause, as text: what a log line or a dead letter's report says went wrong. */
    public static String rootCause(Throwable failure) {
        List<Throwable> chain = causes(failure);
        return chain.getLast().toString();
    }

    private static List<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static boolean isA(Throwable throwable, List<String> typeNames) {
        for (Class<?> type = throwable.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (typeNames.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String state) {
        return state != null && TRANSIENT_SQL_STATES.stream().anyMatch(state::startsWith);
    }
}
