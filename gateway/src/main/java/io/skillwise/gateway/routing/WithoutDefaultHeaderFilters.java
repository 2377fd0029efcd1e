package io.skillwise.gateway.routing;

import java.util.List;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Leaves out Spring Cloud Gateway's default header filters, whose work {@link ProxyHeadersFilter} does in one pass:
 * hop-by-hop headers, a caller's {@code X-Forwarded-*} and {@code Forwarded} headers (registered only without trusted
 * proxies), and a {@code Content-Length} beside a chunked body. Each of them copied every request's headers, and
 * Spring Cloud Gateway registers them with no condition to switch them off, so their definitions are removed before
 * any bean is made. {@code ProxyIT} checks that none of them is left, and what crosses the proxy.
 */
class WithoutDefaultHeaderFilters implements BeanDefinitionRegistryPostProcessor {

    /** The names of Spring Cloud Gateway's bean methods ({@code GatewayAutoConfiguration}). */
    static final List<String> REPLACED = List.of("removeHopByHopHeadersFilter", "removeXForwardedHeadersFilter",
            "removeForwardedHeadersFilter", "transferEncodingNormalizationHeadersFilter");

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String name : REPLACED) {
            if (registry.containsBeanDefinition(name)) {
                registry.removeBeanDefinition(name);
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // nothing beyond the definitions
    }
}
