package io.skillwise.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.StringTokenizer;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** Links in the plain-text mails the platform sends, read as URIs with a URI parser. */
final class MailLinks {

    private MailLinks() {
    }

    /**
     * The decoded value of query parameter {@code name} of the first http(s) link in {@code text} whose path ends with
     * {@code path}; empty when the mail has no such link.
     */
    static Optional<String> queryParameter(String text, String path, String name) {
        StringTokenizer words = new StringTokenizer(text);
        while (words.hasMoreTokens()) {
            Optional<UriComponents> link = link(words.nextToken());
            if (link.isPresent() && link.get().getPath() != null && link.get().getPath().endsWith(path)) {
                String value = link.get().getQueryParams().getFirst(name);
                if (value != null) {
                    return Optional.of(UriUtils.decode(value, StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<UriComponents> link(String word) {
        if (!word.startsWith("http://") && !word.startsWith("https://")) {
            return Optional.empty();
        }
        try {
            return Optional.of(UriComponentsBuilder.fromUriString(word).build());
        } catch (IllegalArgumentException notALink) {
            return Optional.empty();
        }
    }
}
