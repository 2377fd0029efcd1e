package io.skillwise.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.mother.Courses;
import io.skillwise.events.mother.EventSamples;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every event, serialised as producers serialise it, is valid against its published schema and reads back into an
 * equal record; and every schema says exactly what its record carries.
 */
class EventSchemaTest {

    private static final JsonMapper JSON = EventSchemas.JSON;

    static Stream<Named<DomainEvent>> samples() {
        return EventSamples.all().stream().map(event -> Named.of(event.getClass().getSimpleName(), event));
    }

    static Stream<Named<EventDescriptor>> descriptors() {
        return EventCatalog.all().stream().map(descriptor -> Named.of(descriptor.name(), descriptor));
    }

    @Test
    void everyPublishedEventHasASample() {
        Set<Class<?>> sampled = EventSamples.all().stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> published = EventCatalog.all().stream()
                .map(EventDescriptor::eventClass)
                .collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(published);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleIsValidAgainstItsSchema(DomainEvent event) {
        String json = JSON.writeValueAsString(event);

        assertThat(EventSchemas.validate(EventCatalog.of(event.getClass()), json)).as(json).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleReadsBackIntoAnEqualRecord(DomainEvent event) {
        String json = JSON.writeValueAsString(event);

        assertThat(JSON.readValue(json, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eventWithoutItsOptionalFieldsLeavesThemOutAndIsStillValid(DomainEvent event) {
        DomainEvent bare = (DomainEvent) Records.withoutOptionals(event);
        String json = JSON.writeValueAsString(bare);

        assertThat(json).as("optional fields are left out, never written as null").doesNotContain(":null");
        assertThat(EventSchemas.validate(EventCatalog.of(bare.getClass()), json)).as(json).isEmpty();
        assertThat(JSON.readValue(json, bare.getClass())).isEqualTo(bare);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySerialisedPropertyIsDeclaredInTheSchema(DomainEvent event) {
        JsonNode schema = EventSchemas.tree(EventCatalog.of(event.getClass()).schemaResource());
        List<String> undeclared = new ArrayList<>();

        collectUndeclared(schema, schema, JSON.valueToTree(event), "", undeclared);

        // e.g. a helper method Jackson mistook for a property, such as aggregateId()
        assertThat(undeclared).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void consumersIgnoreFieldsAddedInLaterVersions(DomainEvent event) {
        JsonNode tree = JSON.valueToTree(event);
        addFieldToEveryObject(tree);
        JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

        assertThat(strict.treeToValue(tree, event.getClass())).isEqualTo(event);
    }

    @Test
    void timesAreIsoStringsAndIdsAreStrings() {
        CoursePublished published = Courses.published();

        JsonNode json = JSON.valueToTree(published);

        assertThat(json.get("occurredAt").asString()).isEqualTo("2025-03-01T10:15:30Z");
        assertThat(json.get("courseId").asString()).isEqualTo(published.courseId().toString());
        assertThat(json.at("/price/amount").asLong()).isEqualTo(4999);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void schemaDeclaresExactlyWhatTheRecordCarries(EventDescriptor descriptor) {
        JsonNode schema = EventSchemas.tree(descriptor.schemaResource());
        Map<Class<?>, Record> instances = Records.instancesByClass(
                EventSamples.all().stream().map(Record.class::cast).toList());
        List<String> problems = new ArrayList<>();

        checkRecord(descriptor.eventClass(), schema, schema, instances, problems);
        for (String defined : schema.path("$defs").propertyNames()) {
            Class<?> nested = instances.keySet().stream()
                    .filter(type -> type.getSimpleName().equals(defined))
                    .findFirst()
                    .orElse(null);
            if (nested == null) {
                problems.add("$defs/" + defined + " matches no record used by the event");
            } else {
                checkRecord(nested, schema, schema.get("$defs").get(defined), instances, problems);
            }
        }

        assertThat(problems).as(descriptor.schemaResource()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void schemaIsDraft2020WithIdTitleAndOpenContent(EventDescriptor descriptor) {
        JsonNode schema = EventSchemas.tree(descriptor.schemaResource());

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).endsWith("/" + descriptor.context() + "/" + descriptor.name()
                + ".v" + descriptor.version() + ".json");
        assertThat(schema.path("title").asString()).isEqualTo(descriptor.name());
        assertThat(schema.path("description").asString()).contains(descriptor.type()).contains(descriptor.topic());
        assertThat(schema.path("additionalProperties").asBoolean(true)).isTrue();
    }

    @Test
    void schemaRejectsAnEventMissingARequiredFieldOrWithAWrongType() {
        EventDescriptor descriptor = EventCatalog.of(CoursePublished.class);
        ObjectNode missing = JSON.valueToTree(Courses.published());
        missing.remove("instructorId");
        ObjectNode wrongType = JSON.valueToTree(Courses.published());
        wrongType.put("occurredAt", 1_740_824_130L);
        ObjectNode badId = JSON.valueToTree(Courses.published());
        badId.put("courseId", "not-a-uuid");

        assertThat(EventSchemas.validate(descriptor, missing.toString())).isNotEmpty();
        assertThat(EventSchemas.validate(descriptor, wrongType.toString())).isNotEmpty();
        assertThat(EventSchemas.validate(descriptor, badId.toString())).isNotEmpty();
    }

    private static void checkRecord(
            Class<?> type, JsonNode root, JsonNode schema, Map<Class<?>, Record> instances, List<String> problems) {
        String where = type.getSimpleName();
        Record sample = instances.get(type);
        if (sample == null) {
            problems.add(where + ": no sample instance; add one to the mothers");
            return;
        }
        RecordComponent[] components = type.getRecordComponents();
        Set<String> declared = new LinkedHashSet<>(schema.path("properties").propertyNames());
        Set<String> carried = Arrays.stream(components).map(Records::wireName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!declared.equals(carried)) {
            problems.add(where + ": schema properties " + declared + " but record components " + carried);
        }
        Set<String> required = new HashSet<>();
        schema.path("required").values().forEach(name -> required.add(name.asString()));
        for (int i = 0; i < components.length; i++) {
            String name = Records.wireName(components[i]);
            boolean mustBeSet = Records.isRequired(sample, i);
            if (mustBeSet != required.contains(name)) {
                problems.add(where + "." + name + ": the record makes it " + (mustBeSet ? "required" : "optional")
                        + ", the schema " + (mustBeSet ? "optional" : "required"));
            }
            JsonNode property = schema.path("properties").path(name);
            if (!property.isMissingNode()) {
                checkType(where + "." + name, components[i].getGenericType(), property, root, problems);
            }
        }
    }

    private static void checkType(String where, Type type, JsonNode property, JsonNode root, List<String> problems) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            expect(where, property, "type", "array", problems);
            checkType(where + "[]", list.getActualTypeArguments()[0], property.path("items"), root, problems);
            return;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == UUID.class) {
            expect(where, property, "type", "string", problems);
            expect(where, property, "format", "uuid", problems);
        } else if (raw == Instant.class) {
            expect(where, property, "type", "string", problems);
            expect(where, property, "format", "date-time", problems);
        } else if (raw == String.class) {
            expect(where, property, "type", "string", problems);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(where, property, "type", "boolean", problems);
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            expect(where, property, "type", "integer", problems);
        } else if (raw == double.class || raw == Double.class) {
            expect(where, property, "type", "number", problems);
        } else if (raw.isEnum()) {
            expect(where, property, "type", "string", problems);
            List<String> constants = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            List<String> listed = property.path("enum").values().stream().map(JsonNode::asString).toList();
            if (!listed.equals(constants)) {
                problems.add(where + ": schema enum " + listed + " but Java enum " + constants);
            }
        } else if (raw.isRecord()) {
            String ref = "#/$defs/" + raw.getSimpleName();
            expect(where, property, "$ref", ref, problems);
            if (root.at("/$defs/" + raw.getSimpleName()).isMissingNode()) {
                problems.add(where + ": " + ref + " is not defined");
            }
        } else {
            problems.add(where + ": no JSON mapping known for " + raw.getName());
        }
    }

    private static void expect(String where, JsonNode property, String keyword, String value, List<String> problems) {
        String actual = property.path(keyword).asString("<none>");
        if (!actual.equals(value)) {
            problems.add(where + ": " + keyword + " should be '" + value + "' but is '" + actual + "'");
        }
    }

    private static void collectUndeclared(JsonNode root, JsonNode schema, JsonNode value, String path,
            List<String> undeclared) {
        JsonNode resolved = SchemaCompatibilityChecker.resolve(root, schema);
        if (value.isObject()) {
            JsonNode properties = resolved.path("properties");
            for (String name : value.propertyNames()) {
                if (!properties.has(name)) {
                    undeclared.add(path + name);
                } else {
                    collectUndeclared(root, properties.get(name), value.get(name), path + name + ".", undeclared);
                }
            }
        } else if (value.isArray()) {
            for (JsonNode element : value.values()) {
                collectUndeclared(root, resolved.path("items"), element, path.replaceAll("\\.$", "") + "[].",
                        undeclared);
            }
        }
    }

    private static void addFieldToEveryObject(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<JsonNode> children = new ArrayList<>(object.values());
            object.put("addedInALaterVersion", "consumers must not care");
            children.forEach(EventSchemaTest::addFieldToEveryObject);
        } else if (node.isArray()) {
            node.values().forEach(EventSchemaTest::addFieldToEveryObject);
        }
    }
}
