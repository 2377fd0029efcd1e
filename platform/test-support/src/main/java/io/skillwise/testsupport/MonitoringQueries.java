package io.skillwise.testsupport;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PromQL of {@code deploy/observability} (the Prometheus rule files and the Grafana dashboards), read with a YAML
 * and a JSON parser, and the metric names each expression reads, so that an integration test can hold them against
 * the names a running application really exposes on {@code /actuator/prometheus}: a rule or panel naming a metric
 * nobody exposes would stay silent forever.
 *
 * <p>The files are split by who exposes their metrics: {@link #SERVICE_FILES} read what every service exposes through
 * the kit (checked by the kit's {@code MonitoringQueriesIT}), {@link #GATEWAY_FILES} what the gateway exposes
 * (checked by the gateway's {@code MonitoringQueriesIT}), {@link #BUSINESS_FILES} the business metrics of a few services,
 * each checked by its owner's {@code MonitoringQueriesIT} ({@link #BUSINESS_METRIC_OWNERS}). Names of exporters that
 * run beside the platform ({@link #EXTERNAL_EXPORTERS}) are taken as they are.
 */
public final class MonitoringQueries {

    public static final String DIRECTORY = "deploy/observability";
    public static final List<String> SERVICE_FILES = List.of(
            DIRECTORY + "/prometheus/services.rules.yaml",
            DIRECTORY + "/grafana/service.json");
    public static final List<String> GATEWAY_FILES = List.of(
            DIRECTORY + "/prometheus/gateway.rules.yaml",
            DIRECTORY + "/grafana/platform-overview.json");
    public static final List<String> BUSINESS_FILES = List.of(
            DIRECTORY + "/prometheus/business.rules.yaml",
            DIRECTORY + "/grafana/business.json");
    /** Which application exposes the business metrics, by name prefix. */
    public static final Map<String, String> BUSINESS_METRIC_OWNERS = Map.of(
            "skillwise_purchase_", "enrollment-service",
            "skillwise_payment_", "payment-service",
            "skillwise_notification_", "notification-service");

    /** Name prefixes of metrics no SkillWise application exposes, and who does. */
    public static final Map<String, String> EXTERNAL_EXPORTERS = Map.of(
            "kafka_consumergroup_", "Strimzi's Kafka Exporter (deploy/k8s/monitoring/monitors.yaml)",
            "kube_", "kube-state-metrics",
            "cnpg_", "CloudNativePG's exporter in every PostgreSQL instance");

    /** PromQL's keywords, aggregation operators and set operators: never metric names. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan", "sum", "min", "max", "avg", "group", "stddev",
            "stdvar", "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    /** Keywords followed by a list of label names in parentheses. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One PromQL expression: the file it is in, where in it (alert or panel), and the expression. */
    public record Query(String file, String where, String expression) {
    }

    private MonitoringQueries() {
    }

    /** The repository's root: the first directory above the working directory that holds deploy/observability. */
    public static Path home() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(DIRECTORY))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + DIRECTORY + " above " + Path.of("").toAbsolutePath());
    }

    /** Every expression of a rule file ({@code .yaml}) or a dashboard ({@code .json}). */
    public static List<Query> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? dashboardQueries(name, text) : ruleQueries(name, text);
    }

    /** Prometheus' rule file format: groups, each with rules that have an alert or record name and an expr. */
    @SuppressWarnings("unchecked")
    public static List<Query> ruleQueries(String file, String yaml) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        List<Query> queries = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                Object name = rule.containsKey("alert") ? rule.get("alert") : rule.get("record");
                queries.add(new Query(file, group.get("name") + "/" + name, String.valueOf(rule.get("expr"))));
            }
        }
        return queries;
    }

    /** Every {@code expr} of a Grafana dashboard, wherever its panels (or rows of panels) hold one. */
    public static List<Query> dashboardQueries(String file, String json) {
        List<Query> queries = new ArrayList<>();
        collectExpressions(file, JSON.readTree(json), "", queries);
        return queries;
    }

    private static void collectExpressions(String file, JsonNode node, String title, List<Query> queries) {
        if (node.isObject()) {
            String where = node.has("title") ? node.get("title").asString() : title;
            if (node.path("expr").isString()) {
                queries.add(new Query(file, where, node.get("expr").asString()));
            }
            node.properties().forEach(field -> collectExpressions(file, field.getValue(), where, queries));
        } else if (node.isArray()) {
            node.forEach(element -> collectExpressions(file, element, title, queries));
        }
    }

    /**
     * The metric names a PromQL expression reads: identifiers that are not keywords, aggregation or set operators,
     * and not function names (followed by a parenthesis); label matchers in braces, ranges in brackets, label lists
     * after {@code by}/{@code on}/..., strings, numbers, durations and Grafana's {@code $variables} are skipped.
     */
    public static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        int i = 0;
        int length = expression.length();
        while (i < length) {
            char c = expression.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(expression, i);
            } else if (c == '{') {
                i = afterGroup(expression, i, '{', '}');
            } else if (c == '[') {
                i = afterGroup(expression, i, '[', ']');
            } else if (c == '#') {
                int end = expression.indexOf('\n', i);
                i = end < 0 ? length : end;
            } else if (c == '$') {
                i++;
                if (i < length && expression.charAt(i) == '{') {
                    i = afterGroup(expression, i, '{', '}');
                } else {
                    while (i < length && isIdentifierPart(expression.charAt(i))) {
                        i++;
                    }
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < length && Character.isDigit(expression.charAt(i + 1)))) {
                // numbers, 1e3, 0x1f and durations such as 5m or 1h30m
                while (i < length && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < length && isIdentifierPart(expression.charAt(i))) {
                    i++;
                }
                String word = expression.substring(start, i);
                int next = skipSpaces(expression, i);
                boolean call = next < length && expression.charAt(next) == '(';
                String keyword = word.toLowerCase(Locale.ROOT);
                if (LABEL_LISTS.contains(keyword) && call) {
                    i = afterGroup(expression, next, '(', ')');
                } else if (!KEYWORDS.contains(keyword) && !call) {
                    names.add(word);
                }
            } else {
                i++;
            }
        }
        return names;
    }

    /** The metric names of Prometheus' text exposition format (every sample line's name, with its suffixes). */
    public static Set<String> exposedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            String sample = line.strip();
            if (sample.isEmpty() || sample.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < sample.length() && sample.charAt(end) != '{' && sample.charAt(end) != ' ') {
                end++;
            }
            names.add(sample.substring(0, end));
        }
        return names;
    }

    /**
     * Per query of the given files (relative to {@link #home()}), the metric names it reads that are neither in
     * {@code exposed} nor an external exporter's; empty when every query reads metrics that exist.
     */
    public static Map<String, Set<String>> unexposed(List<String> files, Set<String> exposed) {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (String file : files) {
            for (Query query : read(home().resolve(file))) {
                Set<String> unknown = new TreeSet<>();
                for (String name : metricNames(query.expression())) {
                    if (!exposed.contains(name) && EXTERNAL_EXPORTERS.keySet().stream().noneMatch(name::startsWith)) {
                        unknown.add(name);
                    }
                }
                if (!unknown.isEmpty()) {
                    missing.put(query.file() + " " + query.where(), unknown);
                }
            }
        }
        return missing;
    }

    /**
     * Fails unless every metric the given files read is in the names {@code exposed} (read from an application's
     * {@code /actuator/prometheus}) or an external exporter's; writes the exposed names to
     * {@code target/exposed-metrics-<application>.txt} first, so a failure can be read against them.
     */
    public static void assertEveryMetricIsExposed(List<String> files, Set<String> exposed, String application) {
        Path scraped = Path.of("target", "exposed-metrics-" + application + ".txt");
        try {
            Files.write(scraped, exposed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + scraped, e);
        }
        assertThat(namesReadBy(files)).as("metric names read by %s", files).isNotEmpty();
        assertThat(unexposed(files, exposed))
                .as("metrics named by rules or panels that %s does not expose (all it exposes: %s)", application, scraped)
                .isEmpty();
    }

    /** The metric names {@link #BUSINESS_FILES} read that {@code application} owns. */
    public static Set<String> businessMetricsOf(String application) {
        Set<String> names = new TreeSet<>();
        for (String name : namesReadBy(BUSINESS_FILES)) {
            if (BUSINESS_METRIC_OWNERS.entrySet().stream()
                    .anyMatch(owner -> name.startsWith(owner.getKey()) && owner.getValue().equals(application))) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Fails unless every business metric {@code application} owns is in the names {@code exposed} (read from its
     * {@code /actuator/prometheus}); writes the exposed names to {@code target/exposed-metrics-<application>.txt}.
     */
    public static void assertBusinessMetricsAreExposed(Set<String> exposed, String application) {
        Path scraped = Path.of("target", "exposed-metrics-" + application + ".txt");
        try {
            Files.write(scraped, exposed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + scraped, e);
        }
        Set<String> owned = businessMetricsOf(application);
        assertThat(owned).as("business metrics of %s read by %s", application, BUSINESS_FILES).isNotEmpty();
        assertThat(exposed).as("the business metrics of %s (all it exposes: %s)", application, scraped)
                .containsAll(owned);
    }

    /** Every metric name the given files read (external exporters' included). */
    public static Set<String> namesReadBy(List<String> files) {
        Set<String> names = new TreeSet<>();
        for (String file : files) {
            read(home().resolve(file)).forEach(query -> names.addAll(metricNames(query.expression())));
        }
        return names;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int afterString(String text, int open) {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        return Math.min(i + 1, text.length());
    }

    /** The position after the bracket closing the one at {@code open}, strings inside skipped. */
    private static int afterGroup(String text, int open, char opening, char closing) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(text, i);
                continue;
            }
            if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unclosed '" + opening + "' at " + open + " in: " + text);
    }
}
