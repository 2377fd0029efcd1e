package io.skillwise.deploy.kustomize;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suffix kustomize gives a generated ConfigMap: the SHA-256 of {"data":…,"kind":"ConfigMap","name":""} as Go's
 * encoding/json writes it (keys sorted, no spaces, &lt; &gt; &amp; escaped; kustomize 5 hashes the content with an
 * empty name, so equal content gets equal suffixes whatever the generator's name), its first ten hex digits with the
 * characters 0, 1, 3, a and e replaced so that the suffix never spells a word or looks like a number.
 */
final class ConfigMapHash {

    private ConfigMapHash() {
    }

    static String of(JsonNode data) {
        Map<String, String> sorted = new TreeMap<>();
        if (data != null) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                sorted.put(field.getKey(), field.getValue().asText());
            }
        }
        StringBuilder json = new StringBuilder("{\"data\":");
        if (sorted.isEmpty()) {
            // kustomize hashes a ConfigMap without entries with its data as an empty string, not an empty object
            json.append("\"\"");
        } else {
            json.append('{');
            boolean first = true;
            for (Map.Entry<String, String> entry : sorted.entrySet()) {
                json.append(first ? "" : ",").append(quote(entry.getKey())).append(':').append(quote(entry.getValue()));
                first = false;
            }
            json.append('}');
        }
        json.append(",\"kind\":\"ConfigMap\",\"name\":\"\"}");
        String hex = HexFormat.of().formatHex(sha256(json.toString()));
        StringBuilder suffix = new StringBuilder();
        for (char c : hex.substring(0, 10).toCharArray()) {
            suffix.append(switch (c) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> c;
            });
        }
        return suffix.toString();
    }

    /** A JSON string as Go's json.Marshal writes it. */
    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
