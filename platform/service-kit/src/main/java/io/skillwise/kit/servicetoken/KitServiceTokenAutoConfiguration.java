package io.skillwise.kit.servicetoken;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** A {@link ServiceTokenClient} for every service that has a Keycloak client of its own ({@code client-id} set). */
@AutoConfiguration
@ConditionalOnProperty(prefix = "skillwise.service-token", name = "client-id")
@EnableConfigurationProperties(ServiceTokenProperties.class)
public class KitServiceTokenAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceTokenClient serviceTokenClient(ServiceTokenProperties properties, ObjectProvider<JsonMapper> json,
                                          ObjectProvider<Clock> clock) {
        return new ServiceTokenClient(properties, json.getIfAvailable(JsonMapper::new),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
