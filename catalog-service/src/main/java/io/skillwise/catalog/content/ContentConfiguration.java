package io.skillwise.catalog.content;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

@Configuration(proxyBeanMethods = false)
class ContentConfiguration {

    private static final String STORAGE = "skillwise.catalog.content.storage";

    /** The local filesystem store: the default, unless another {@link AssetStorage} bean is defined. */
    @Bean
    @ConditionalOnProperty(name = STORAGE, havingValue = "local", matchIfMissing = true)
    @ConditionalOnMissingBean(AssetStorage.class)
    AssetStorage localAssetStorage(ContentProperties properties) {
        return new LocalAssetStorage(properties.storageDirectory());
    }

    /** {@code storage=s3}: a bucket of S3 or an S3-compatible store ({@code skillwise.catalog.content.s3.*}). */
    @Bean
    @ConditionalOnProperty(name = STORAGE, havingValue = "s3")
    AssetStorage s3AssetStorage(S3Client catalogS3Client, ContentProperties properties) {
        return new S3AssetStorage(catalogS3Client, properties.s3().bucket());
    }

    /** Closed with the context (its connections). */
    @Bean
    @ConditionalOnProperty(name = STORAGE, havingValue = "s3")
    S3Client catalogS3Client(ContentProperties properties) {
        return s3Client(properties.s3());
    }

    static S3Client s3Client(ContentProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                // the JDK's HTTP client: no Netty or Apache client in the service for a few calls per upload
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(settings.pathStyle())
                // checksums only where S3 requires them: S3-compatible stores do not all take the SDK's newer
                // default (CRC trailers on every upload); TLS (and SigV4's payload hash over plain HTTP) keep
                // the bytes whole in transit
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // where S3 requires a checksum (the batch deletion), also the Content-MD5 that older S3-compatible
                // stores ask for (the SDK now sends a CRC32 header there, which not every store knows)
                .addPlugin(LegacyMd5Plugin.create())
                .credentialsProvider(settings.hasStaticCredentials()
                        ? StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                        : DefaultCredentialsProvider.builder().build());
        if (settings.region() != null && !settings.region().isBlank()) {
            builder.region(Region.of(settings.region()));
        }
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }
}
