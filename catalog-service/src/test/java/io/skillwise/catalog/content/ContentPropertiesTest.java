package io.skillwise.catalog.content;

import io.skillwise.catalog.content.ContentProperties.Storage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentPropertiesTest {

    @Test
    void theLocalStoreIsTheDefault() {
        ContentProperties properties = bind(Map.of());

        assertThat(properties.storage()).isEqualTo(Storage.LOCAL);
        assertThat(properties.s3()).isNull();
    }

    @Test
    void s3SettingsBindFromTheirDocumentedKeys() {
        ContentProperties properties = bind(Map.of(
                "skillwise.catalog.content.storage", "s3",
                "skillwise.catalog.content.s3.bucket", "skillwise-content",
                "skillwise.catalog.content.s3.region", "eu-central-1",
                "skillwise.catalog.content.s3.endpoint", "http://minio:9000",
                "skillwise.catalog.content.s3.path-style", "true",
                "skillwise.catalog.content.s3.access-key", "key",
                "skillwise.catalog.content.s3.secret-key", "secret"));

        assertThat(properties.storage()).isEqualTo(Storage.S3);
        assertThat(properties.s3()).isEqualTo(new ContentProperties.S3("skillwise-content", "eu-central-1",
                URI.create("http://minio:9000"), true, "key", "secret"));
        assertThat(properties.s3().toString()).doesNotContain("secret").doesNotContain("=key");
    }

    @Test
    void credentialsAndRegionMayComeFromTheEnvironment() {
        // as application.yml has them when the environment variables are not set
        ContentProperties properties = bind(Map.of(
                "skillwise.catalog.content.storage", "s3",
                "skillwise.catalog.content.s3.bucket", "skillwise-content",
                "skillwise.catalog.content.s3.region", "",
                "skillwise.catalog.content.s3.endpoint", "",
                "skillwise.catalog.content.s3.path-style", "false",
                "skillwise.catalog.content.s3.access-key", "",
                "skillwise.catalog.content.s3.secret-key", ""));

        assertThat(properties.s3().hasStaticCredentials()).isFalse();
        assertThat(properties.s3().pathStyle()).isFalse();
        assertThat(properties.s3().endpoint()).isNull();
    }

    @Test
    void anS3StoreNeedsABucketAndASecretWithItsKey() {
        assertThatThrownBy(() -> bind(Map.of("skillwise.catalog.content.storage", "s3")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("s3.bucket is required");
        assertThatThrownBy(() -> bind(Map.of(
                "skillwise.catalog.content.storage", "s3",
                "skillwise.catalog.content.s3.bucket", "skillwise-content",
                "skillwise.catalog.content.s3.access-key", "key")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("secret-key is required");
        assertThatThrownBy(() -> bind(Map.of("skillwise.catalog.content.storage", "gcs")))
                .isInstanceOf(BindException.class);
    }

    private static ContentProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("skillwise.catalog.content", ContentProperties.class);
    }
}
