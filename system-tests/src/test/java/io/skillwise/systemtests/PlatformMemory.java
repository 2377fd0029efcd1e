package io.skillwise.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The resident memory of the running platform as the kernel counts it: {@code VmRSS} of {@code /proc/<pid>/status}
 * for every process devstack started (the services, the gateway, Keycloak, PostgreSQL's processes and Redis all carry
 * the state folder in their command line, which is how devstack finds its strays too). Kafka and the Mongo stand-in
 * run inside the JVM that started the platform -- here the test JVM, which also runs the load generator -- so that
 * JVM is reported on its own line and not in the platform's sum.
 */
final class PlatformMemory {

    /** Resident kilobytes per kind of process (a service's jar, {@code postgres}, ...) and how many processes. */
    record Usage(Map<String, Long> kilobytesByProcess, Map<String, Integer> processCount, long testJvmKilobytes) {

        long totalKilobytes() {
            return kilobytesByProcess.values().stream().mapToLong(Long::longValue).sum();
        }

        int processes() {
            return processCount.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private PlatformMemory() {
    }

    static Usage measure(Path stateDir) {
        long self = ProcessHandle.current().pid();
        Map<String, Long> kilobytes = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (ProcessHandle process : processes(stateDir)) {
            // a process that ended meanwhile (a PostgreSQL backend) has no status file any more: not resident
            residentKilobytes(process.pid()).ifPresent(rss -> {
                String kind = kind(process);
                kilobytes.merge(kind, rss, Long::sum);
                counts.merge(kind, 1, Integer::sum);
            });
        }
        return new Usage(kilobytes, counts, residentKilobytes(self).orElse(0L));
    }

    /** Every process devstack started for the platform whose state folder is {@code stateDir}, the test JVM not included. */
    static List<ProcessHandle> processes(Path stateDir) {
        String marker = stateDir.toAbsolutePath().toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self)
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .toList();
    }

    /**
     * {@code VmRSS} from {@code /proc/<pid>/status}, read field by field ("Name:\tvalue" lines; the value in kB), or
     * empty when the process is gone.
     */
    static Optional<Long> residentKilobytes(long pid) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        } catch (IOException gone) {
            return Optional.empty();
        }
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equals("VmRSS")) {
                String[] value = line.substring(colon + 1).trim().split("\\s+");
                if (value.length != 2 || !value[1].equals("kB")) {
                    throw new IllegalStateException("unexpected VmRSS line in /proc/" + pid + "/status: " + line);
                }
                return Optional.of(Long.parseLong(value[0]));
            }
        }
        // kernel threads and zombies have no VmRSS line
        return Optional.empty();
    }

    /**
     * Keycloak (its command line names its installation), a service or gateway by the module whose jar it runs
     * ({@code <home>/<module>/target/...}), anything else by its executable's name ({@code postgres}).
     */
    static String kind(ProcessHandle process) {
        String[] arguments = process.info().arguments().orElse(new String[0]);
        if (process.info().commandLine().map(line -> line.contains("keycloak")).orElse(false)) {
            return "keycloak";
        }
        for (String argument : arguments) {
            if (argument.endsWith(".jar")) {
                Optional<String> module = moduleOf(Path.of(argument));
                if (module.isPresent()) {
                    return module.get();
                }
            }
        }
        return process.info().command().map(command -> Path.of(command).getFileName().toString()).orElse("unknown");
    }

    /** The module a built jar belongs to: the folder holding its {@code target} folder. */
    static Optional<String> moduleOf(Path jar) {
        for (Path folder = jar.getParent(); folder != null && folder.getParent() != null; folder = folder.getParent()) {
            if (folder.getFileName().toString().equals("target")) {
                return Optional.of(folder.getParent().getFileName().toString());
            }
        }
        return Optional.empty();
    }
}
