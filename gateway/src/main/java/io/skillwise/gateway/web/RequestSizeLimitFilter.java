package io.skillwise.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies over the configured size with 413. A declared {@code Content-Length} is checked
 * before a byte is read; a chunked body (no length) is counted as it streams through, since the gateway's
 * built-in RequestSize filter trusts {@code Content-Length} alone and lets chunked bodies of any size pass.
 */
@Component
public class RequestSizeLimitFilter implements WebFilter, Ordered {

    private static final String ASSETS_PREFIX = "/api/v1/lessons/";
    private static final String ASSETS_SUFFIX = "/assets";

    private final long defaultLimit;
    private final long avatarLimit;
    private final long assetsLimit;

    public RequestSizeLimitFilter(RequestSizeProperties properties) {
        this.defaultLimit = properties.defaultLimit().toBytes();
        this.avatarLimit = properties.avatar().toBytes();
        this.assetsLimit = properties.lessonAssets().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long declared = headers.getContentLength();
        if (declared >= 0) {
            // The common case: a GET, or a body of known size within the smallest limit costs one comparison.
            if (declared > defaultLimit && declared > limitFor(request.getPath().value())) {
                return Mono.error(tooLarge());
            }
            return chain.filter(exchange);
        }
        if (!headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        long limit = limitFor(request.getPath().value());
        return chain.filter(exchange.mutate().request(new CountingRequest(request, limit)).build());
    }

    long limitFor(String path) {
        if (path.equals("/api/v1/profile/avatar")) {
            return avatarLimit;
        }
        if (path.startsWith(ASSETS_PREFIX) && path.endsWith(ASSETS_SUFFIX)) {
            // Exactly one non-empty segment (the lesson id) between prefix and suffix.
            int idEnd = path.length() - ASSETS_SUFFIX.length();
            if (idEnd > ASSETS_PREFIX.length() && path.indexOf('/', ASSETS_PREFIX.length()) == idEnd) {
                return assetsLimit;
            }
        }
        return defaultLimit;
    }

    private static GatewayProblemException tooLarge() {
        return new GatewayProblemException(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large");
    }

    /** A request whose body fails with 413 as soon as more than {@code limit} bytes have been read. */
    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long limit;

        CountingRequest(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge());
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
