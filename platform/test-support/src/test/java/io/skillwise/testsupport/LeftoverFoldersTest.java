package io.skillwise.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LeftoverFoldersTest {

    @TempDir
    Path tmp;

    @Test
    void sweepsFoldersWhoseJvmHasEndedAndKeepsThoseStillInUse() throws IOException, InterruptedException {
        Path ended = folder("infra-ended", endedProcessId());
        Path running = folder("infra-running", ProcessHandle.current().pid());
        Path unrelated = Files.createDirectories(tmp.resolve("other-folder"));

        LeftoverFolders.sweep(tmp, "infra-", "owner.pid");

        assertThat(ended).doesNotExist();
        assertThat(running).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void sweepsOwnerlessFoldersOnlyOnceTheyAreStale() throws IOException {
        Path fresh = Files.createDirectories(tmp.resolve("infra-fresh"));
        Path stale = Files.createDirectories(tmp.resolve("infra-stale"));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));

        LeftoverFolders.sweep(tmp, "infra-", "owner.pid");

        assertThat(fresh).exists();
        assertThat(stale).doesNotExist();
    }

    private Path folder(String name, long ownerPid) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve(name).resolve("postgres"));
        Files.writeString(folder.resolve("PG_VERSION"), "17");
        Files.writeString(folder.getParent().resolve("owner.pid"), Long.toString(ownerPid));
        return folder.getParent();
    }

    private static long endedProcessId() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
