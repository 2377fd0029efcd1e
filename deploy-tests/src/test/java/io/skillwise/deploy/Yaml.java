package io.skillwise.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** YAML documents as Jackson trees (the models of Kubernetes and its operators are Jackson 2 classes). */
public final class Yaml {

    public static final YAMLMapper MAPPER = new YAMLMapper();

    private Yaml() {
    }

    /** Every non-empty document of a (multi-document) YAML text, each a mapping. */
    public static List<ObjectNode> documents(String text) {
        List<ObjectNode> documents = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(text);
             MappingIterator<JsonNode> values = MAPPER.readValues(parser, JsonNode.class)) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!(document instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("a YAML document that is not a mapping: " + document);
                }
                documents.add(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    public static List<ObjectNode> documents(Path file) {
        try {
            return documents(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The one document of a file that must hold exactly one. */
    public static ObjectNode document(Path file) {
        List<ObjectNode> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + documents.size() + " documents, not one");
        }
        return documents.getFirst();
    }
}
