package io.skillwise.deploy.kustomize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillwise.deploy.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code kubectl kustomize}: the renderer the operators use (kustomize built into kubectl, no cluster needed). */
public final class Kubectl implements Kustomize {

    private static final boolean INSTALLED = probe();

    public static boolean installed() {
        return INSTALLED;
    }

    @Override
    public List<ObjectNode> build(Path directory) {
        return Yaml.documents(run("kustomize", directory.toString()));
    }

    /** Runs kubectl with the arguments and answers its standard output; a failure names kubectl's error. */
    public static String run(String... arguments) {
        try {
            Process process = new ProcessBuilder(command(arguments)).redirectErrorStream(false).start();
            process.getOutputStream().close();
            byte[] stdout = process.getInputStream().readAllBytes();
            byte[] stderr = process.getErrorStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl " + String.join(" ", arguments) + " failed: "
                        + new String(stderr, StandardCharsets.UTF_8));
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> command(String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add("kubectl");
        command.addAll(List.of(arguments));
        return command;
    }

    private static boolean probe() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
