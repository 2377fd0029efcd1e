package io.skillwise.systemtests;

import io.skillwise.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an answer must never carry, read with a JSON parser: a field whose name says it holds a secret (a password,
 * a client secret, a private key, a token other than the one the login answers), a value that looks like one (a
 * Stripe key or webhook secret, a JWT), or the e-mail address of someone other than the caller.
 */
final class ResponseLeaks {

    /** Parts of field names that hold secrets; compared without case, dashes and underscores. */
    private static final List<String> SECRET_NAMES = List.of("password", "secret", "privatekey", "apikey",
            "accesstoken", "refreshtoken", "totp", "otpauth", "signingkey");
    /** Prefixes of Stripe's secret, restricted and webhook keys. */
    private static final List<String> STRIPE_PREFIXES = List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_",
            "whsec_");

    private ResponseLeaks() {
    }

    /** Each leak in {@code json}, as {@code "field: why"}; {@code othersEmails} are addresses the caller may not see. */
    static List<String> in(String json, Set<String> othersEmails) {
        List<String> leaks = new ArrayList<>();
        JsonNode root;
        try {
            root = ApiClient.JSON.readTree(json);
        } catch (RuntimeException notJson) {
            return leaks;
        }
        walk(root, "$", othersEmails, leaks);
        return leaks;
    }

    private static void walk(JsonNode node, String place, Set<String> othersEmails, List<String> leaks) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                String name = field.getKey().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
                if (SECRET_NAMES.stream().anyMatch(name::contains) && !field.getValue().isNull()
                        && !field.getValue().isBoolean()) {
                    leaks.add(place + "." + field.getKey() + ": a field named like a secret");
                }
                walk(field.getValue(), place + "." + field.getKey(), othersEmails, leaks);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), place + "[" + i + "]", othersEmails, leaks);
            }
        } else if (node.isString()) {
            String value = node.asString();
            if (STRIPE_PREFIXES.stream().anyMatch(value::startsWith)) {
                leaks.add(place + ": a Stripe secret key");
            } else if (isJwt(value)) {
                leaks.add(place + ": a JWT");
            } else if (othersEmails.contains(value.toLowerCase(Locale.ROOT))) {
                leaks.add(place + ": someone else's e-mail address");
            }
        }
    }

    /** Three dot-separated base64url parts whose first is a JSON header naming an algorithm. */
    private static boolean isJwt(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3 || !parts[0].startsWith("eyJ")) {
            return false;
        }
        try {
            JsonNode header = ApiClient.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[0])));
            return header.has("alg");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
