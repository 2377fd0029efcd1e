package io.skillwise.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Spectral, with {@code spectral:oas} and the OWASP API ruleset (the repository's {@code .spectral.yaml}), run by
 * {@code bin/spectral.sh} at pinned versions over an OpenAPI document (docs/api-conventions.md#spectral). It needs
 * Node and npm; where they are missing, {@link #assertNoUnexcusedErrors(Path)} skips its test with a message, so that
 * a build with only a JDK still runs. Errors the team accepts are in the one exceptions list of the API lint
 * ({@link LintExceptions}), under the Spectral rule's code.
 */
public final class Spectral {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Spectral's severities, as its JSON report numbers them. */
    private static final int ERROR = 0;
    private static final long INSTALL_AND_RUN_MINUTES = 10;

    /**
     * One result of Spectral: the rule's code, the operation ({@code "GET /path"}, or {@code "document"}), the
     * parameter it is about as {@link OpenApiLint} names it ({@code "query token"}; null for anything else), where.
     */
    public record Finding(String code, int severity, String operation, String subject, String path, String message) {

        public boolean isError() {
            return severity == ERROR;
        }

        @Override
        public String toString() {
            return code + " " + operation + " [" + path + "]: " + message;
        }
    }

    /** Exit codes of bin/spectral.sh when it cannot run Spectral at all. */
    private static final int NO_NPM = 3;
    private static final int NOT_INSTALLED = 4;

    private Spectral() {
    }

    /**
     * Lints {@code document} and fails, naming each, on every error that the exceptions list does not excuse; skips
     * the calling test when npm is not there.
     */
    public static void assertNoUnexcusedErrors(Path document) {
        Optional<Path> script = script();
        assumeTrue(script.isPresent() && npmAvailable(),
                "Spectral is not run: it needs npm (Node.js 20) on the PATH and bin/spectral.sh of the repository");
        LintExceptions exceptions = LintExceptions.load();
        List<String> unexcused = lint(script.get(), document).stream().filter(Finding::isError)
                .filter(finding -> !exceptions.excuses(finding))
                .map(Finding::toString).toList();
        assertThat(unexcused).as("Spectral errors not in openapi-lint-exceptions.yaml "
                + "(docs/api-conventions.md#spectral)").isEmpty();
    }

    /** Every result of Spectral on {@code document}. */
    static List<Finding> lint(Path script, Path document) {
        try {
            Path report = Files.createTempFile("spectral", ".json");
            try {
                Process process = new ProcessBuilder("bash", script.toString(), "--format", "json", "--output",
                        report.toString(), "--fail-severity", "error", document.toAbsolutePath().toString())
                        .redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(INSTALL_AND_RUN_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Spectral did not finish within " + INSTALL_AND_RUN_MINUTES
                            + " minutes");
                }
                // 3 and 4: the script found no npm or could not install Spectral (no registry): like a machine
                // without Node, the lint is not run, and the calling test says so instead of failing
                assumeTrue(process.exitValue() != NO_NPM && process.exitValue() != NOT_INSTALLED,
                        "Spectral is not run: " + output.strip());
                // 0: nothing at or above the fail severity, 1: there is; anything else is Spectral failing to run
                if (process.exitValue() > 1 || Files.size(report) == 0) {
                    throw new IllegalStateException("Spectral failed (exit " + process.exitValue() + "): " + output);
                }
                return findings(JSON.readTree(Files.readString(report)), JSON.readTree(Files.readString(document)));
            } finally {
                Files.deleteIfExists(report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Spectral ran", e);
        }
    }

    /**
     * Reads Spectral's JSON report on {@code document}: a list of results, each with a code, a severity and a path
     * into the document.
     */
    static List<Finding> findings(JsonNode report, JsonNode document) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode result : report) {
            List<String> path = new ArrayList<>();
            result.get("path").forEach(segment -> path.add(segment.asString()));
            findings.add(new Finding(result.get("code").asString(), result.get("severity").asInt(),
                    operationOf(path), parameterOf(path, document), String.join(".", path),
                    result.get("message").asString()));
        }
        return findings;
    }

    /** {@code [..., "parameters", "0", ...]} of an operation is that parameter, {@code "query token"}. */
    private static String parameterOf(List<String> path, JsonNode document) {
        int at = path.indexOf("parameters");
        if (at != 3 || path.size() < 5 || !"paths".equals(path.get(0))) {
            return null;
        }
        JsonNode parameter = document.path("paths").path(path.get(1)).path(path.get(2)).path("parameters")
                .path(Integer.parseInt(path.get(4)));
        return parameter.isMissingNode() ? null
                : parameter.path("in").asString() + " " + parameter.path("name").asString();
    }

    /** {@code ["paths", "/api/v1/courses", "get", ...]} is {@code "GET /api/v1/courses"}; anything else the document. */
    private static String operationOf(List<String> path) {
        if (path.size() >= 3 && "paths".equals(path.get(0))) {
            return path.get(2).toUpperCase(Locale.ROOT) + " " + path.get(1);
        }
        return "document";
    }

    /** {@code bin/spectral.sh} of the repository this build runs in, found from the working directory upwards. */
    private static Optional<Path> script() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path script = folder.resolve("bin").resolve("spectral.sh");
            if (Files.isRegularFile(script) && Files.isRegularFile(folder.resolve(".spectral.yaml"))) {
                return Optional.of(script);
            }
        }
        return Optional.empty();
    }

    private static boolean npmAvailable() {
        try {
            Process probe = new ProcessBuilder("bash", "-c", "command -v npm").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
