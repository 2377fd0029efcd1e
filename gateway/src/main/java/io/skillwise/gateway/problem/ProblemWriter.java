package io.skillwise.gateway.problem;

import java.util.Map;

import io.skillwise.gateway.web.RequestIdFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** Writes {@link Problem} documents; the one place that decides what a gateway error looks like on the wire. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, detail, Map.of());
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, Map<String, String> headers) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.value(), detail,
                exchange.getRequest().getPath().value(), RequestIdFilter.requestIdOf(exchange));
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatusCode(status);
        HttpHeaders responseHeaders = response.getHeaders();
        // Whatever a downstream service had started to answer no longer describes this body.
        responseHeaders.remove(HttpHeaders.CONTENT_ENCODING);
        responseHeaders.remove(HttpHeaders.TRANSFER_ENCODING);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        responseHeaders.setContentLength(body.length);
        headers.forEach(responseHeaders::set);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
