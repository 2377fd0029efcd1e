package io.skillwise.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the published schemas from the class path and validates JSON against them. */
final class EventSchemas {

    static final JsonMapper JSON = JsonMapper.builder().build();

    // Draft 2020-12 treats "format" as a mere annotation unless asked; we want uuid and date-time checked.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private EventSchemas() {
    }

    static JsonNode tree(String classPathResource) {
        try (InputStream in = open(classPathResource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Error> validate(EventDescriptor descriptor, String json) {
        Schema schema;
        try (InputStream in = open(descriptor.schemaResource())) {
            schema = REGISTRY.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schema.validate(json, InputFormat.JSON);
    }

    static boolean exists(String classPathResource) {
        return EventSchemas.class.getClassLoader().getResource(classPathResource) != null;
    }

    /** A class-path directory as a file-system path; tests run from target/classes and target/test-classes. */
    static Path directory(String classPathResource) {
        URL url = EventSchemas.class.getClassLoader().getResource(classPathResource);
        if (url == null) {
            throw new IllegalStateException("not on the class path: " + classPathResource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream open(String classPathResource) {
        InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(classPathResource);
        if (in == null) {
            throw new IllegalStateException("not on the class path: " + classPathResource);
        }
        return in;
    }
}
