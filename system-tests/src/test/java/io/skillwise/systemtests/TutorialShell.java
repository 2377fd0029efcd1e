package io.skillwise.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One {@code bash} that runs a tutorial's blocks one after the other, as a reader's terminal would: variables a block
 * sets ({@code TOKEN=$(curl ...)}) are there for the next. Each block's output (stdout and stderr) is read up to a
 * marker line the shell prints after it, with the block's exit status. It works in a temporary directory of its own,
 * removed at the end, so files a page saves ({@code curl -o certificate.pdf}) land nowhere else.
 */
final class TutorialShell implements AutoCloseable {

    /** What a block printed, and the exit status of its last command. */
    record Output(int status, String text) {
    }

    private final Path directory;
    private final Process bash;
    private final Writer input;
    private final BufferedReader output;
    private final String marker = "tutorial-step-done-" + UUID.randomUUID();

    TutorialShell() {
        try {
            directory = Files.createTempDirectory("tutorial-");
            bash = new ProcessBuilder("bash", "--noprofile", "--norc").directory(directory.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        input = bash.outputWriter(StandardCharsets.UTF_8);
        output = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8));
    }

    Output run(String block) {
        try {
            // the block's own status, printed on a line of its own even when its output does not end with one
            input.write(block + "\ntutorial_status=$?; echo; echo \"" + marker + " $tutorial_status\"\n");
            input.flush();
            StringBuilder text = new StringBuilder();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(marker + " ")) {
                    return new Output(Integer.parseInt(line.substring(marker.length() + 1).strip()),
                            text.toString().strip());
                }
                text.append(line).append('\n');
            }
            throw new IllegalStateException("bash ended while running:\n" + block + "\n" + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        bash.destroy();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
