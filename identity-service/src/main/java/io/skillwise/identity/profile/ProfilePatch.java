package io.skillwise.identity.profile;

import io.skillwise.events.identity.BillingAddress;
import io.skillwise.kit.web.ApiExceptionHandler.FieldProblem;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A PATCH body for {@code /profile}, checked field by field. Read as a JSON tree rather than bound onto a class so
 * that nothing is ignored silently: a read-only field (roles, email, ids) or an unknown one is a 400 naming it, and
 * a field sent as {@code null} is told apart from a field not sent (null clears it).
 */
final class ProfilePatch {

    static final Set<String> EDITABLE = Set.of("displayName", "headline", "bio", "learningPreferences", "expertise",
            "socialLinks", "credentials", "personalDetails", "certificateName", "billingAddress");
    static final Set<String> READ_ONLY = Set.of("userId", "email", "emailVerified", "roles", "mfaEnabled", "avatarUrl",
            "instructorRequested", "id", "enabled");

    private static final Pattern LINK_NAME = Pattern.compile("[a-z][a-z0-9-]{0,29}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,20}");
    private static final int MAX_LIST = 20;
    private static final Set<String> BILLING_FIELDS = Set.of("name", "line1", "line2", "postalCode", "city", "region",
            "country");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_ITEM = 80;

    private final JsonNode body;
    private final List<FieldProblem> problems = new ArrayList<>();

    ProfilePatch(JsonNode body) {
        this.body = body;
        if (body == null || !body.isObject()) {
            problems.add(new FieldProblem("body", "must be a JSON object"));
            return;
        }
        for (String field : body.propertyNames()) {
            if (READ_ONLY.contains(field)) {
                problems.add(new FieldProblem(field, "is read-only"));
            } else if (!EDITABLE.contains(field)) {
                problems.add(new FieldProblem(field, "is not a profile field"));
            }
        }
    }

    List<FieldProblem> problems() {
        return problems;
    }

    boolean has(String field) {
        return body != null && body.isObject() && body.has(field);
    }

    String displayName() {
        JsonNode node = body.get("displayName");
        if (node == null || !node.isString() || node.asString().isBlank() || node.asString().strip().length() > 100) {
            problems.add(new FieldProblem("displayName", "must be a text of 1 to 100 characters"));
            return null;
        }
        return node.asString().strip();
    }

    /** The name for certificates and invoices; null (or blank) clears it, and documents carry the display name. */
    String certificateName() {
        JsonNode node = body.get("certificateName");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.asString().strip().length() > 100 || hasControlCharacters(node.asString())) {
            problems.add(new FieldProblem("certificateName", "must be a text of at most 100 characters on one line"));
            return null;
        }
        String value = node.asString().strip();
        return value.isEmpty() ? null : value;
    }

    /** The address on invoices, replaced as a whole; null clears it. */
    BillingAddress billingAddress() {
        JsonNode node = body.get("billingAddress");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new FieldProblem("billingAddress",
                    "must be an object {name, line1, line2, postalCode, city, region, country}"));
            return null;
        }
        for (String name : node.propertyNames()) {
            if (!BILLING_FIELDS.contains(name)) {
                problems.add(new FieldProblem("billingAddress." + name, "is not a billing address field"));
            }
        }
        String name = addressLine(node, "name", 100, false);
        String line1 = addressLine(node, "line1", 200, true);
        String line2 = addressLine(node, "line2", 200, false);
        String postalCode = addressLine(node, "postalCode", 20, false);
        String city = addressLine(node, "city", 100, true);
        String region = addressLine(node, "region", 100, false);
        String country = addressLine(node, "country", 2, true);
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
        if (country != null && !COUNTRIES.contains(country)) {
            problems.add(new FieldProblem("billingAddress.country", "must be an ISO 3166-1 alpha-2 code, e.g. DE"));
            return null;
        }
        if (line1 == null || city == null || country == null) {
            return null;
        }
        return new BillingAddress(name, line1, line2, postalCode, city, region, country);
    }

    private String addressLine(JsonNode address, String field, int max, boolean required) {
        JsonNode node = address.get(field);
        String value = node == null || node.isNull() || !node.isString() ? null : node.asString().strip();
        boolean wrongType = node != null && !node.isNull() && !node.isString();
        if (wrongType || (value != null && (value.length() > max || hasControlCharacters(value)))) {
            problems.add(new FieldProblem("billingAddress." + field,
                    "must be a text of at most " + max + " characters on one line"));
            return null;
        }
        if (value == null || value.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem("billingAddress." + field, "is required"));
            }
            return null;
        }
        return value;
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    String text(String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.asString().length() > max) {
            problems.add(new FieldProblem(field, "must be a text of at most " + max + " characters"));
            return null;
        }
        String value = node.asString().strip();
        return value.isEmpty() ? null : value;
    }

    List<String> texts(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_LIST) {
            problems.add(new FieldProblem(field, "must be a list of at most " + MAX_LIST + " texts"));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString() || item.asString().isBlank() || item.asString().length() > MAX_ITEM) {
                problems.add(new FieldProblem(field, "items must be texts of 1 to " + MAX_ITEM + " characters"));
                return List.of();
            }
            if (!values.contains(item.asString().strip())) {
                values.add(item.asString().strip());
            }
        }
        return values;
    }

    /** Named links, e.g. {@code {"github": "https://github.com/ada"}}; https only. */
    Map<String, String> socialLinks() {
        JsonNode node = body.get("socialLinks");
        Map<String, String> links = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return links;
        }
        if (!node.isObject() || node.size() > 10) {
            problems.add(new FieldProblem("socialLinks", "must be an object of at most 10 named links"));
            return links;
        }
        for (String name : node.propertyNames()) {
            JsonNode url = node.get(name);
            String field = "socialLinks." + name;
            if (!LINK_NAME.matcher(name).matches()) {
                problems.add(new FieldProblem(field, "link names are lower-case words, e.g. github or website"));
            } else if (!url.isString() || !isHttpsUrl(url.asString())) {
                problems.add(new FieldProblem(field, "must be an https URL"));
            } else {
                links.put(name, url.asString());
            }
        }
        return links;
    }

    List<io.skillwise.identity.account.ProfileDetails.ProfessionalCredential> credentials() {
        JsonNode node = body.get("credentials");
        List<io.skillwise.identity.account.ProfileDetails.ProfessionalCredential> credentials = new ArrayList<>();
        if (node == null || node.isNull()) {
            return credentials;
        }
        if (!node.isArray() || node.size() > MAX_LIST) {
            problems.add(new FieldProblem("credentials", "must be a list of at most " + MAX_LIST + " credentials"));
            return credentials;
        }
        int index = 0;
        for (JsonNode item : node) {
            String field = "credentials[" + index++ + "]";
            if (!item.isObject()) {
                problems.add(new FieldProblem(field, "must be an object {title, issuer, year, url}"));
                continue;
            }
            for (Iterator<String> names = item.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                if (!Set.of("title", "issuer", "year", "url").contains(name)) {
                    problems.add(new FieldProblem(field + "." + name, "is not a credential field"));
                }
            }
            String title = item.path("title").asString("").strip();
            String issuer = item.path("issuer").asString("").strip();
            if (title.isEmpty() || title.length() > 120) {
                problems.add(new FieldProblem(field + ".title", "must be a text of 1 to 120 characters"));
            }
            if (issuer.isEmpty() || issuer.length() > 120) {
                problems.add(new FieldProblem(field + ".issuer", "must be a text of 1 to 120 characters"));
            }
            Integer year = null;
            if (item.hasNonNull("year")) {
                JsonNode yearNode = item.get("year");
                int max = LocalDate.now().getYear() + 1;
                if (!yearNode.isInt() || yearNode.asInt() < 1900 || yearNode.asInt() > max) {
                    problems.add(new FieldProblem(field + ".year", "must be a year between 1900 and " + max));
                } else {
                    year = yearNode.asInt();
                }
            }
            String url = null;
            if (item.hasNonNull("url")) {
                if (!item.get("url").isString() || !isHttpsUrl(item.get("url").asString())) {
                    problems.add(new FieldProblem(field + ".url", "must be an https URL"));
                } else {
                    url = item.get("url").asString();
                }
            }
            credentials.add(new io.skillwise.identity.account.ProfileDetails.ProfessionalCredential(title, issuer, year, url));
        }
        return credentials;
    }

    /** Phone, date of birth, address: all optional, replaced as a whole. */
    io.skillwise.identity.account.PersonalData personalDetails() {
        JsonNode node = body.get("personalDetails");
        if (node == null || node.isNull()) {
            return io.skillwise.identity.account.PersonalData.empty();
        }
        if (!node.isObject()) {
            problems.add(new FieldProblem("personalDetails", "must be an object {phone, dateOfBirth, address}"));
            return io.skillwise.identity.account.PersonalData.empty();
        }
        for (String name : node.propertyNames()) {
            if (!Set.of("phone", "dateOfBirth", "address").contains(name)) {
                problems.add(new FieldProblem("personalDetails." + name, "is not a personal detail field"));
            }
        }
        String phone = nullableText(node.get("phone"));
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(new FieldProblem("personalDetails.phone", "must be a phone number"));
        }
        String dateOfBirth = nullableText(node.get("dateOfBirth"));
        if (dateOfBirth != null) {
            try {
                LocalDate date = LocalDate.parse(dateOfBirth);
                if (date.isAfter(LocalDate.now()) || date.isBefore(LocalDate.of(1900, 1, 1))) {
                    problems.add(new FieldProblem("personalDetails.dateOfBirth", "must be a past date"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("personalDetails.dateOfBirth", "must be a date like 1990-04-23"));
            }
        }
        String address = nullableText(node.get("address"));
        if (address != null && address.length() > 300) {
            problems.add(new FieldProblem("personalDetails.address", "must be at most 300 characters"));
        }
        return new io.skillwise.identity.account.PersonalData(phone, dateOfBirth, address);
    }

    private String nullableText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.asString("").strip();
        return value.isEmpty() ? null : value;
    }

    static boolean isHttpsUrl(String text) {
        if (text == null || text.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && !uri.getHost().isBlank() && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
