package io.skillwise.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The published schemas stay compatible with the released ones kept in {@code src/test/resources/schema-baseline/}.
 *
 * <p>A failure here means a change would break consumers already running, or events already in the topics. Do not
 * "fix" it by editing the baseline: make the change compatible (add an optional field instead), or publish a new
 * version of the event (see docs/events.md).
 */
class SchemaCompatibilityTest {

    private static final String BASELINE = "schema-baseline";
    private static final String PUBLISHED = "io/skillwise/events/schemas/";

    @Test
    void everyPublishedSchemaIsCompatibleWithItsBaseline() {
        List<String> problems = new ArrayList<>();
        for (String schema : baselineSchemas()) {
            String current = PUBLISHED + schema;
            if (!EventSchemas.exists(current)) {
                problems.add(schema + ": the event was removed; consumers and the topic history still have it");
                continue;
            }
            JsonNode baseline = EventSchemas.tree(BASELINE + "/" + schema);
            SchemaCompatibilityChecker.breakingChanges(baseline, EventSchemas.tree(current))
                    .forEach(problem -> problems.add(schema + ": " + problem));
        }

        assertThat(problems)
                .as("breaking schema changes; add optional fields only, or publish a new version (docs/events.md)")
                .isEmpty();
    }

    @Test
    void everyPublishedSchemaHasABaseline() {
        Set<String> baselines = Set.copyOf(baselineSchemas());

        List<String> unprotected = EventCatalog.all().stream()
                .map(descriptor -> descriptor.schemaResource().substring(PUBLISHED.length()))
                .filter(schema -> !baselines.contains(schema))
                .toList();

        assertThat(unprotected)
                .as("copy each new schema to src/test/resources/" + BASELINE + "/ in the change that adds the event,"
                        + " so that later changes to it are checked")
                .isEmpty();
    }

    private static List<String> baselineSchemas() {
        Path root = EventSchemas.directory(BASELINE);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checker itself, on small schemas, so that a silent checker cannot pass the test above. */
    @Nested
    class Checker {

        private static final String MONEY_DEF = """
                "$defs": {
                  "Money": {
                    "type": "object",
                    "required": ["amount", "currency"],
                    "properties": {
                      "amount": {"type": "integer"},
                      "currency": {"type": "string"}
                    }
                  }
                }""";

        private static final String BASE = """
                {
                  "type": "object",
                  "required": ["orderId", "total", "lines"],
                  "properties": {
                    "orderId": {"type": "string", "format": "uuid"},
                    "note": {"type": "string"},
                    "total": {"$ref": "#/$defs/Money"},
                    "status": {"type": "string", "enum": ["PAID", "REFUNDED"]},
                    "lines": {"type": "array", "items": {"$ref": "#/$defs/Money"}}
                  },
                  %s
                }""".formatted(MONEY_DEF);

        @Test
        void identicalSchemasAreCompatible() {
            assertThat(changes(BASE, BASE)).isEmpty();
        }

        @Test
        void addingAnOptionalFieldIsCompatible() {
            String current = BASE.replace("\"note\": {\"type\": \"string\"},",
                    "\"note\": {\"type\": \"string\"}, \"couponCode\": {\"type\": \"string\"},");

            assertThat(changes(BASE, current)).isEmpty();
        }

        @Test
        void addingAnOptionalFieldToANestedDefinitionIsCompatible() {
            String current = BASE.replace("\"currency\": {\"type\": \"string\"}",
                    "\"currency\": {\"type\": \"string\"}, \"minorUnits\": {\"type\": \"integer\"}");

            assertThat(changes(BASE, current)).isEmpty();
        }

        @Test
        void renamingADefinitionWithTheSameShapeIsCompatible() {
            String current = BASE.replace("#/$defs/Money", "#/$defs/Amount").replace("\"Money\": {", "\"Amount\": {");

            assertThat(changes(BASE, current)).isEmpty();
        }

        @Test
        void removingAFieldIsBreaking() {
            String current = BASE.replace("\"note\": {\"type\": \"string\"},", "");

            assertThat(changes(BASE, current)).containsExactly("field 'note' was removed");
        }

        @Test
        void removingAFieldOfANestedDefinitionIsBreaking() {
            String current = BASE.replace("\"amount\": {\"type\": \"integer\"},", "")
                    .replace("[\"amount\", \"currency\"]", "[\"currency\"]");

            assertThat(changes(BASE, current))
                    .containsExactlyInAnyOrder("field 'total.amount' was removed", "field 'lines[].amount' was removed");
        }

        @Test
        void changingATypeIsBreaking() {
            String current = BASE.replace("\"amount\": {\"type\": \"integer\"}", "\"amount\": {\"type\": \"string\"}");

            assertThat(changes(BASE, current)).contains(
                    "field 'total.amount': type changed from [integer] to [string]",
                    "field 'lines[].amount': type changed from [integer] to [string]");
        }

        @Test
        void makingATypeNullableIsBreaking() {
            String current = BASE.replace("\"note\": {\"type\": \"string\"}", "\"note\": {\"type\": [\"string\", \"null\"]}");

            assertThat(changes(BASE, current)).containsExactly("field 'note': type changed from [string] to [null, string]");
        }

        @Test
        void changingAFormatIsBreaking() {
            String current = BASE.replace("\"format\": \"uuid\"", "\"format\": \"uri\"");

            assertThat(changes(BASE, current)).containsExactly("field 'orderId': format changed from uuid to uri");
        }

        @Test
        void aNewRequiredFieldIsBreaking() {
            String current = BASE
                    .replace("\"note\": {\"type\": \"string\"},", "\"note\": {\"type\": \"string\"}, \"buyerId\": {\"type\": \"string\"},")
                    .replace("[\"orderId\", \"total\", \"lines\"]", "[\"orderId\", \"total\", \"lines\", \"buyerId\"]");

            assertThat(changes(BASE, current)).containsExactly("field 'buyerId' is newly required (it is new)");
        }

        @Test
        void makingAnOptionalFieldRequiredIsBreaking() {
            String current = BASE.replace("[\"orderId\", \"total\", \"lines\"]", "[\"orderId\", \"total\", \"lines\", \"note\"]");

            assertThat(changes(BASE, current)).containsExactly("field 'note' is newly required (it was optional)");
        }

        @Test
        void makingARequiredFieldOptionalIsBreaking() {
            String current = BASE.replace("[\"orderId\", \"total\", \"lines\"]", "[\"orderId\", \"lines\"]");

            assertThat(changes(BASE, current))
                    .containsExactly("field 'total' is no longer required, but consumers rely on it being there");
        }

        @Test
        void removingOrAddingAnEnumValueIsBreaking() {
            String removed = BASE.replace("[\"PAID\", \"REFUNDED\"]", "[\"PAID\"]");
            String added = BASE.replace("[\"PAID\", \"REFUNDED\"]", "[\"PAID\", \"REFUNDED\", \"DISPUTED\"]");

            assertThat(changes(BASE, removed)).containsExactly("field 'status': enum values removed: [REFUNDED]");
            assertThat(changes(BASE, added))
                    .containsExactly("field 'status': enum values added: [DISPUTED] (older consumers cannot read them)");
        }

        @Test
        void closingTheSchemaToUnknownFieldsIsBreaking() {
            String current = BASE.replace("\"type\": \"object\",\n  \"required\"",
                    "\"type\": \"object\",\n  \"additionalProperties\": false,\n  \"required\"");

            assertThat(changes(BASE, current)).containsExactly("the event: no longer allows additional properties");
        }

        @Test
        void everyBreakingChangeIsReportedNotOnlyTheFirst() {
            String current = BASE.replace("\"note\": {\"type\": \"string\"},", "")
                    .replace("\"format\": \"uuid\"", "\"format\": \"uri\"")
                    .replace("[\"PAID\", \"REFUNDED\"]", "[\"PAID\"]");

            assertThat(changes(BASE, current)).hasSize(3);
        }

        private static List<String> changes(String baseline, String current) {
            return SchemaCompatibilityChecker.breakingChanges(
                    EventSchemas.JSON.readTree(baseline), EventSchemas.JSON.readTree(current));
        }
    }
}
