package io.skillwise.systemtests;

import io.skillwise.testsupport.Percentiles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one step of the mixed workload measured, per endpoint: the response times Gatling took for every call that
 * answered as expected, and the calls that did not (an unexpected status, a failed check, no answer). Beside them, the
 * time from each webhook's 200 until the buyer could read the course's progress. Filled by the simulation's virtual
 * users while they run, read by the test afterwards.
 */
final class StepFigures {

    /** Which part of the workload a call belongs to; each has its own service-level objective. */
    enum Part {
        BROWSING, LEARNING, PURCHASE
    }

    /** One endpoint's figures in a step; times in milliseconds. */
    record Endpoint(Part part, String name, long calls, long errors, long p50, long p95, long p99, long max) {
    }

    /** The time from a webhook's 200 until the enrollment was readable, in nanoseconds, sorted; and how many never. */
    record Enrollments(List<Long> sortedNanos, long neverSeen) {

        double millis(double percent) {
            return sortedNanos.isEmpty() ? Double.NaN : Percentiles.nearestRank(sortedNanos, percent) / 1e6;
        }
    }

    private record Key(Part part, String name) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byPart = part.compareTo(other.part);
            return byPart != 0 ? byPart : name.compareTo(other.name);
        }
    }

    private final Map<Key, List<Long>> millis = new ConcurrentSkipListMap<>();
    private final Map<Key, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<Long> enrollmentNanos = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong enrollmentsNeverSeen = new AtomicLong();

    void answered(Part part, String name, long responseMillis) {
        millis.computeIfAbsent(new Key(part, name), k -> Collections.synchronizedList(new ArrayList<>()))
                .add(responseMillis);
    }

    void failed(Part part, String name) {
        millis.computeIfAbsent(new Key(part, name), k -> Collections.synchronizedList(new ArrayList<>()));
        errors.computeIfAbsent(new Key(part, name), k -> new AtomicLong()).incrementAndGet();
    }

    void enrolledAfter(long nanos) {
        enrollmentNanos.add(nanos);
    }

    void enrollmentNeverSeen() {
        enrollmentsNeverSeen.incrementAndGet();
    }

    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        millis.forEach((key, times) -> endpoints.add(endpoint(key.part(), key.name(), times, errorsOf(key))));
        return endpoints;
    }

    /** Every call of a part taken together (the SLO is on all browsing calls, not on one endpoint). */
    Endpoint all(Part part) {
        List<Long> times = new ArrayList<>();
        long failed = 0;
        for (Map.Entry<Key, List<Long>> entry : millis.entrySet()) {
            if (entry.getKey().part() == part) {
                synchronized (entry.getValue()) {
                    times.addAll(entry.getValue());
                }
                failed += errorsOf(entry.getKey());
            }
        }
        return endpoint(part, "all " + part.name().toLowerCase(java.util.Locale.ROOT) + " calls", times, failed);
    }

    long errors() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Enrollments enrollments() {
        List<Long> sorted;
        synchronized (enrollmentNanos) {
            sorted = enrollmentNanos.stream().sorted().toList();
        }
        return new Enrollments(sorted, enrollmentsNeverSeen.get());
    }

    private long errorsOf(Key key) {
        AtomicLong count = errors.get(key);
        return count == null ? 0 : count.get();
    }

    private static Endpoint endpoint(Part part, String name, List<Long> times, long failed) {
        List<Long> sorted;
        synchronized (times) {
            sorted = times.stream().sorted().toList();
        }
        if (sorted.isEmpty()) {
            return new Endpoint(part, name, failed, failed, 0, 0, 0, 0);
        }
        return new Endpoint(part, name, sorted.size() + failed, failed, Percentiles.nearestRank(sorted, 50),
                Percentiles.nearestRank(sorted, 95), Percentiles.nearestRank(sorted, 99), sorted.getLast());
    }
}
