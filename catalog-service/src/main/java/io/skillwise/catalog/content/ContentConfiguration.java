package io.skillwise.catalog.content;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContentProperties.class)
class ContentConfiguration {

    /** The local filesystem store, unless another {@link AssetStorage} (an S3-compatible one) is configured. */
    @Bean
    @ConditionalOnMissingBean(AssetStorage.class)
    AssetStorage localAssetStorage(ContentProperties properties) {
        return new LocalAssetStorage(properties.storageDirectory());
    }
}
