package io.skillwise.gateway.redis;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce queues commands while it reconnects, by default; a request would then wait the whole command
 * timeout for a Redis that is gone. Rejecting them at once lets {@link RedisAvailability} fail open quickly.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
