package io.skillwise.kit.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * {@code skillwise.web.*}: how large a request body may be. A service called directly (not through the gateway) holds
 * the same line as the gateway: 1 MB, unless the route is one of the service's uploads, each with its own bound.
 *
 * @param maxRequestBody the limit of every route that is not an upload
 * @param uploads        routes that take files, e.g. {@code {path: /api/v1/profile/avatar, max-size: 3MB}}
 */
@ConfigurationProperties("skillwise.web")
public record RequestBodyProperties(DataSize maxRequestBody, List<Upload> uploads) {

    public RequestBodyProperties {
        maxRequestBody = maxRequestBody == null ? DataSize.ofMegabytes(1) : maxRequestBody;
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }

    /** @param path a path pattern ({@code /api/v1/lessons/*}{@code /assets}) */
    public record Upload(String path, DataSize maxSize) {

        public Upload {
            if (path == null || path.isBlank() || maxSize == null) {
                throw new IllegalArgumentException("skillwise.web.uploads entries need a path and a max-size");
            }
        }
    }
}
