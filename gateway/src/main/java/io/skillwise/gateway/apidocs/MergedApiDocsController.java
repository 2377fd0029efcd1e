package io.skillwise.gateway.apidocs;

import java.time.Duration;
import java.util.Optional;

import io.netty.channel.ChannelOption;
import io.skillwise.gateway.apidocs.MergedApiDocument.ServiceDocument;
import io.skillwise.gateway.routing.ServiceRoutes;
import io.skillwise.gateway.routing.ServicesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@code GET /v3/api-docs}: the merged document of every service ({@link MergedApiDocument}), made from their
 * documents when asked. A service that cannot be reached is left out and named in the description rather than
 * failing the whole document.
 */
@RestController
class MergedApiDocsController {

    private static final Logger log = LoggerFactory.getLogger(MergedApiDocsController.class);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ServicesProperties services;
    private final JsonMapper json;
    private final WebClient client;
    private final MergedApiDocument merger = new MergedApiDocument();

    MergedApiDocsController(ServicesProperties services, JsonMapper json) {
        this.services = services;
        this.json = json;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1_000)
                .responseTimeout(PATIENCE);
        // a service's document is larger than WebClient's default 256 KB buffer
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
    }

    @GetMapping(path = ApiDocsConfiguration.MERGED, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<String> merged() {
        return Flux.fromIterable(ServiceRoutes.SERVICES)
                .flatMapSequential(this::documentOf)
                .collectList()
                .map(documents -> json.writeValueAsString(merger.merge(documents)));
    }

    private Mono<ServiceDocument> documentOf(String service) {
        return client.get().uri(services.baseUrlOf(service).resolve("/v3/api-docs"))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .map(text -> new ServiceDocument(service, Optional.of(json.readTree(text))))
                .timeout(PATIENCE)
                .onErrorResume(e -> {
                    log.warn("The OpenAPI document of {} could not be had for the merged document: {}", service,
                            e.toString());
                    return Mono.just(new ServiceDocument(service, Optional.<JsonNode>empty()));
                });
    }
}
