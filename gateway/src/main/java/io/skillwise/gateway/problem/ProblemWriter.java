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

    public static final String TYPE_BASE = "https://skillwise.io/problems/";

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
        Problem problem = new Problem(typeOf(status), status.getReasonPhrase(), status.value(), detail,
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

    /** The same problem types as the services' (service-kit {@code Problems}), so a client handles both alike. */
    static String typeOf(HttpStatus status) {
        String slug = switch (status) {
            case BAD_REQUEST -> "bad-request";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONTENT_TOO_LARGE -> "too-large";
            case TOO_MANY_REQUESTS -> "rate-limited";
            case SERVICE_UNAVAILABLE -> "service-unavailable";
            case GATEWAY_TIMEOUT -> "gateway-timeout";
            case INTERNAL_SERVER_ERROR -> "internal";
            default -> status.is4xxClientError() ? "bad-request" : "internal";
        };
        return TYPE_BASE + slug;
    }
}
