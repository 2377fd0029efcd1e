package io.skillwise.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time the platform's processes have used, by kind of process as {@link PlatformMemory} names them (a service's
 * module, {@code postgres}, {@code keycloak}, ...), plus the test JVM, which runs Kafka and the Mongo stand-in. Two
 * samples around a workload give what it cost each process; PostgreSQL backends that ended in between are missed,
 * the pooled connections that do the work are not.
 */
final class PlatformCpu {

    static final String TEST_JVM = "test JVM (Kafka, Mongo stand-in, the client)";

    /** CPU time by process (pid), so a later sample can be set against it process by process. */
    record Sample(Map<Long, Duration> byPid, Map<Long, String> kinds) {

        /** What each kind of process used since {@code earlier}, largest first when iterated by the caller. */
        Map<String, Duration> since(Sample earlier) {
            Map<String, Duration> used = new TreeMap<>();
            byPid.forEach((pid, cpu) -> used.merge(kinds.get(pid),
                    cpu.minus(earlier.byPid().getOrDefault(pid, Duration.ZERO)), Duration::plus));
            return used;
        }
    }

    private PlatformCpu() {
    }

    static Sample sample(Path stateDir) {
        Map<Long, Duration> cpu = new HashMap<>();
        Map<Long, String> kinds = new HashMap<>();
        for (ProcessHandle process : PlatformMemory.processes(stateDir)) {
            String kind = PlatformMemory.kind(process);
            // PostgreSQL's backends name their database, not the state folder: counted as their postmaster's
            Stream.concat(Stream.of(process), process.descendants()).forEach(counted ->
                    counted.info().totalCpuDuration().ifPresent(used -> {
                        cpu.put(counted.pid(), used);
                        kinds.putIfAbsent(counted.pid(), kind);
                    }));
        }
        ProcessHandle self = ProcessHandle.current();
        self.info().totalCpuDuration().ifPresent(used -> {
            cpu.put(self.pid(), used);
            kinds.put(self.pid(), TEST_JVM);
        });
        return new Sample(cpu, kinds);
    }
}
