package io.skillwise.catalog.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * Content uploads: where the local store keeps files and how large each kind may be
 * ({@code skillwise.catalog.content.*}).
 *
 * @param storageDirectory directory of the local filesystem store
 * @param maxVideoSize     largest accepted video
 * @param maxDocumentSize  largest accepted document or attachment
 */
@ConfigurationProperties("skillwise.catalog.content")
public record ContentProperties(Path storageDirectory, DataSize maxVideoSize, DataSize maxDocumentSize) {

    public ContentProperties {
        if (storageDirectory == null) {
            storageDirectory = Path.of(System.getProperty("java.io.tmpdir"), "skillwise-catalog-content");
        }
        if (maxVideoSize == null) {
            maxVideoSize = DataSize.ofGigabytes(2);
        }
        if (maxDocumentSize == null) {
            maxDocumentSize = DataSize.ofMegabytes(50);
        }
    }
}
