package io.skillwise.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The instances Spring Cloud LoadBalancer chooses from for one service (it builds a small context per service
 * with this configuration): the base URLs of {@link ServicesProperties}, each left out while its readiness probe
 * fails. A killed or restarting instance thus stops getting requests within one health-check interval
 * ({@code spring.cloud.loadbalancer.health-check.interval}), instead of failing every other request and tripping
 * the service's circuit breaker for all instances. Deliberately not a {@code @Configuration}: only the load
 * balancer's per-service contexts may load it.
 */
class ServiceInstancesConfiguration {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    ServiceInstanceListSupplier readyServiceInstances(Environment environment, ServicesProperties services,
                                                      LoadBalancerClientFactory loadBalancers) {
        String service = LoadBalancerClientFactory.getName(environment);
        ServiceInstanceListSupplier configured = ConfiguredInstances.of(service, services.instancesOf(service));
        WebClient probe = WebClient.create();
        return new HealthCheckServiceInstanceListSupplier(configured, loadBalancers,
                (instance, path) -> probe.get().uri(instance.getUri().resolve(path))
                        .exchangeToMono(response -> response.releaseBody()
                                .thenReturn(response.statusCode().is2xxSuccessful()))
                        .timeout(PROBE_TIMEOUT)
                        .onErrorReturn(false));
    }

    /** The configured instances of one service; they never change while the gateway runs. */
    record ConfiguredInstances(String serviceId, List<ServiceInstance> instances) implements ServiceInstanceListSupplier {

        static ConfiguredInstances of(String serviceId, List<URI> baseUrls) {
            List<ServiceInstance> instances = new ArrayList<>();
            for (int i = 0; i < baseUrls.size(); i++) {
                URI url = baseUrls.get(i);
                boolean secure = "https".equals(url.getScheme());
                int port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
                instances.add(new DefaultServiceInstance(serviceId + "-" + (i + 1), serviceId, url.getHost(), port,
                        secure));
            }
            return new ConfiguredInstances(serviceId, List.copyOf(instances));
        }

        @Override
        public String getServiceId() {
            return serviceId;
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return Flux.just(instances);
        }
    }
}
