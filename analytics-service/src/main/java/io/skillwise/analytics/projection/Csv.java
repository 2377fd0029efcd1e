package io.skillwise.analytics.projection;

import io.skillwise.kit.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;

/**
 * Reports as CSV (RFC 4180): the same rows and figures as the JSON answer, one line each, with a header line. A
 * client asks for it with {@code Accept: text/csv}.
 */
public final class Csv {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** The freshness of a CSV answer, which has no field for it: the newest event included (ISO-8601). */
    public static final String AS_OF_HEADER = "X-Data-As-Of";

    private Csv() {
    }

    /** Whether the client prefers CSV to JSON, by the {@code Accept} header's order and quality values. */
    public static boolean wanted(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw ApiException.badRequest("The Accept header is not a list of media types.");
        }
        MimeTypeUtils.sortBySpecificity(acceptable);
        for (MediaType type : acceptable) {
            if (type.includes(TEXT_CSV) && !type.isWildcardType()) {
                return true;
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }

    /** @param rows each row's values: numbers and dates as they are, text quoted where needed */
    public static ResponseEntity<String> answer(String filename, Instant asOf, List<String> header,
                                                List<List<Object>> rows) {
        StringBuilder body = new StringBuilder(line(header.stream().map(Object.class::cast).toList()));
        rows.forEach(row -> body.append(line(row)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(TEXT_CSV);
        headers.setContentDisposition(ContentDisposition.attachment().filename(filename).build());
        if (asOf != null) {
            headers.set(AS_OF_HEADER, asOf.toString());
        }
        return ResponseEntity.ok().headers(headers).body(body.toString());
    }

    private static String line(List<Object> values) {
        return values.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        // a text cell a spreadsheet would run as a formula (=, +, -, @) is neutralised
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
