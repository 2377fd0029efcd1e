package io.skillwise.testsupport;

import io.skillwise.testsupport.OpenApiLint.Violation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The violations of {@link OpenApiLint} the team accepts, each with the reason, read from
 * {@code openapi-lint-exceptions.yaml} of test-support. An exception names the rule, the operation ({@code "*"} for
 * every one) and the subject (a parameter or body field, as the violation prints it) when only that one is excused.
 * An exception without a reason, or naming a rule that does not exist, fails the load: the list must stay short and
 * justified.
 *
 * <p>The same list holds the errors of {@link Spectral} the team accepts, under the code of the OWASP ruleset's rule
 * ({@code owasp:api4:2023-rate-limit}), so that there is one list, not two that drift. Spectral's own
 * {@code spectral:oas} rules take no exceptions: a document must be valid OpenAPI.
 */
public final class LintExceptions {

    static final String RESOURCE = "/openapi-lint-exceptions.yaml";
    /** The codes of the rules of Spectral's OWASP ruleset, {@code owasp:api<n>:2023-<rule>}. */
    private static final Pattern SPECTRAL_OWASP_RULE = Pattern.compile("owasp:api\\d+:2023-[a-z0-9-]+");
    private static final Pattern SPECTRAL_OWASP_PREFIX = Pattern.compile("^owasp:(api\\d+):2023-");
    private static final String EVERY_OPERATION = "*";

    private record Excused(String rule, String operation, String subject) {

        boolean matches(Violation violation) {
            return rule.equals(violation.rule().id())
                    && (EVERY_OPERATION.equals(operation) || operation.equals(violation.operation()))
                    && (subject == null || subject.equals(violation.subject()));
        }
    }

    private final List<Excused> excused;

    private LintExceptions(List<Excused> excused) {
        this.excused = excused;
    }

    /** The list kept in test-support. */
    public static LintExceptions load() {
        try (InputStream in = LintExceptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a list in the format of {@code openapi-lint-exceptions.yaml}. */
    static LintExceptions parse(String yaml) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Object entries = root == null ? null : root.get("exceptions");
        if (!(entries instanceof List<?> list)) {
            throw new IllegalArgumentException("the lint exceptions have no list 'exceptions'");
        }
        return new LintExceptions(list.stream().map(LintExceptions::excused).toList());
    }

    private static Excused excused(Object entry) {
        if (!(entry instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("a lint exception is not a map: " + entry);
        }
        String rule = text(fields, "rule");
        String operation = text(fields, "operation");
        String reason = text(fields, "reason");
        if (rule == null || operation == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a lint exception needs a rule, an operation and a reason: " + entry);
        }
        if (Arrays.stream(OpenApiLint.Rule.values()).noneMatch(known -> known.id().equals(rule))
                && !SPECTRAL_OWASP_RULE.matcher(rule).matches()) {
            throw new IllegalArgumentException("no lint rule '" + rule + "': " + entry);
        }
        return new Excused(rule, operation, text(fields, "subject"));
    }

    private static String text(Map<?, ?> fields, String key) {
        Object value = fields.get(key);
        return value == null ? null : value.toString();
    }

    boolean excuses(Violation violation) {
        return excused.stream().anyMatch(exception -> exception.matches(violation));
    }

    /**
     * Whether a finding of Spectral is excused: by an exception under its own code, or by one of the API lint's rule
     * of the same name ({@code owasp:api2:2023-no-credentials-in-url} is {@code owasp-api2:no-credentials-in-url}) for
     * the same operation and parameter.
     */
    boolean excuses(Spectral.Finding finding) {
        String lintRule = SPECTRAL_OWASP_PREFIX.matcher(finding.code()).replaceFirst("owasp-$1:");
        return excused.stream().anyMatch(exception -> (exception.rule().equals(finding.code())
                || exception.rule().equals(lintRule))
                && (EVERY_OPERATION.equals(exception.operation()) || exception.operation().equals(finding.operation()))
                && (exception.subject() == null || exception.subject().equals(finding.subject())));
    }
}
