package io.skillwise.gateway.web;

import io.netty.channel.EventLoop;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Brings a request back to the event loop of its own connection after a Redis reply.
 * <p>
 * Lettuce answers on its own thread. Left there, the rest of the request would run on it: the proxied call
 * would pick a connection of another event loop and its answer would be handed across threads once more to
 * reach the caller's connection. Returning to the connection's loop first keeps the proxied call on that same
 * loop (Reactor Netty prefers connections of the calling loop): one thread switch instead of three, which is
 * most of the gateway's overhead on a busy machine.
 */
public final class ConnectionEventLoop {

    /** Runs work on the connection's event loop; directly when already on it, or when the loop is unknown. */
    public static Scheduler of(ServerWebExchange exchange) {
        EventLoop loop = eventLoopOf(exchange);
        if (loop == null) {
            return Schedulers.immediate();
        }
        return Schedulers.fromExecutor(task -> {
            if (loop.inEventLoop()) {
                task.run();
            } else {
                loop.execute(task);
            }
        });
    }

    private static EventLoop eventLoopOf(ServerWebExchange exchange) {
        try {
            Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
            return nativeRequest instanceof Connection connection ? connection.channel().eventLoop() : null;
        } catch (IllegalArgumentException notReactorNetty) {
            return null;
        }
    }

    private ConnectionEventLoop() {
    }
}
