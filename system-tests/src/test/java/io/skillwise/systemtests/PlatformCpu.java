package io.skillwise.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time the platform's processes have used, by kind of process as {@link PlatformMemory} names them (a service's
 * module, {@code postgres}, {@code keycloak}, ...), plus the test JVM, which runs Kafka and the Mongo stand-in. Two
 * samples around a workload give what it cost each process; PostgreSQL backends that ended in between are missed,
 * the pooled connections that do the work are not. On Linux a sample also reads each thread's CPU time
 * ({@code /proc/<pid>/task/<tid>/stat}), so that a JVM's cost splits into its JIT compiler threads, its garbage
 * collector's threads and the rest (the application's own work): what a just-started JVM spends compiling is not
 * what each purchase costs once it is warm. A thread that ended between two samples is missed in the split, never in
 * the process's total.
 */
final class PlatformCpu {

    static final String TEST_JVM = "test JVM (Kafka, Mongo stand-in, the client)";
    /** {@code USER_HZ}, the unit of {@code /proc}'s CPU times: 100 on every Linux architecture Java runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** What a JVM thread does, told by the name HotSpot gives it. */
    enum ThreadRole {
        /** C1 and C2 compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}). */
        JIT,
        /** The collector's worker and concurrent threads ({@code GC Thread#n}, {@code G1 Conc#n}, ...). */
        GC,
        /** Everything else: request and listener threads, Kafka's clients, the VM thread. */
        OTHER;

        static ThreadRole of(String threadName) {
            if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
                return JIT;
            }
            if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
                return GC;
            }
            return OTHER;
        }
    }

    /** CPU time used by kind of process, with the part its JIT compiler and GC threads used. */
    record Used(Duration total, Duration jit, Duration gc) {

        static final Used NONE = new Used(Duration.ZERO, Duration.ZERO, Duration.ZERO);

        Used plus(Used other) {
            return new Used(total.plus(other.total), jit.plus(other.jit), gc.plus(other.gc));
        }
    }

    /**
     * CPU time by process (pid), and by thread (tid) for the threads whose role is not {@link ThreadRole#OTHER}, so a
     * later sample can be set against it process by process and thread by thread.
     */
    record Sample(Map<Long, Duration> byPid, Map<Long, String> kinds, Map<Long, Map<Long, ThreadCpu>> threads) {

        /** What each kind of process used since {@code earlier}. */
        Map<String, Used> since(Sample earlier) {
            Map<String, Used> used = new TreeMap<>();
            byPid.forEach((pid, cpu) -> {
                Duration total = cpu.minus(earlier.byPid().getOrDefault(pid, Duration.ZERO));
                Map<Long, ThreadCpu> before = earlier.threads().getOrDefault(pid, Map.of());
                Duration jit = Duration.ZERO;
                Duration gc = Duration.ZERO;
                for (Map.Entry<Long, ThreadCpu> thread : threads.getOrDefault(pid, Map.of()).entrySet()) {
                    ThreadCpu then = before.get(thread.getKey());
                    Duration spent = thread.getValue().cpu().minus(then == null ? Duration.ZERO : then.cpu());
                    switch (thread.getValue().role()) {
                        case JIT -> jit = jit.plus(spent);
                        case GC -> gc = gc.plus(spent);
                        case OTHER -> { }
                    }
                }
                used.merge(kinds.get(pid), new Used(total, jit, gc), Used::plus);
            });
            return used;
        }
    }

    record ThreadCpu(ThreadRole role, Duration cpu) {
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
        Map<Long, Map<Long, ThreadCpu>> threads = new HashMap<>();
        cpu.keySet().forEach(pid -> threads.put(pid, compilerAndCollectorThreads(pid)));
        return new Sample(cpu, kinds, threads);
    }

    /** The JIT and GC threads of a process with their CPU time; none where {@code /proc} does not exist. */
    private static Map<Long, ThreadCpu> compilerAndCollectorThreads(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        Map<Long, ThreadCpu> threads = new HashMap<>();
        if (!Files.isDirectory(tasks)) {
            return threads;
        }
        try (Stream<Path> listed = Files.list(tasks)) {
            for (Path task : listed.toList()) {
                threadCpu(task.resolve("stat")).ifPresent(thread -> {
                    if (thread.role() != ThreadRole.OTHER) {
                        threads.put(Long.parseLong(task.getFileName().toString()), thread);
                    }
                });
            }
        } catch (IOException processEnded) {
            // /proc answers ENOENT or ESRCH for a process that ended while it was listed
            return Map.of();
        }
        return threads;
    }

    /**
     * One thread's line of {@code /proc/<pid>/task/<tid>/stat}: {@code tid (name) state ...}, user and system time
     * in clock ticks as its 14th and 15th fields (proc(5)). The name may hold spaces and parentheses, so the fields are
     * counted from the last closing parenthesis.
     */
    static Optional<ThreadCpu> threadCpu(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException threadEnded) {
            // likewise for a thread that ended between the listing and the read
            return Optional.empty();
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        String name = line.substring(open + 1, close);
        List<String> fields = List.of(line.substring(close + 2).split(" "));
        long ticks = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
        return Optional.of(new ThreadCpu(ThreadRole.of(name),
                Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND)));
    }
}
