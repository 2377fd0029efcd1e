package io.skillwise.systemtests;

import io.skillwise.devstack.infra.Probes;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nginx (Debian package {@code nginx}, when installed) as a plain reverse proxy in front of one service: the yardstick
 * for what proxying costs at all. Configured as a load balancer would be for this comparison: HTTP/1.1 keep-alive
 * to the service, the caller's {@code Host} kept, no access log, one worker per core.
 */
final class NginxReverseProxy implements AutoCloseable {

    private final Process process;
    private final int port;

    private NginxReverseProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts nginx in front of {@code upstreamPort}, or nothing when nginx is not installed. */
    static Optional<NginxReverseProxy> startIfInstalled(int upstreamPort, Path folder) throws IOException {
        Optional<Path> nginx = LoadGenerator.executable("nginx");
        if (nginx.isEmpty()) {
            return Optional.empty();
        }
        Files.createDirectories(folder.resolve("temp"));
        int port = freePort();
        Path config = folder.resolve("nginx.conf");
        Files.writeString(config, """
                daemon off;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/temp/body;
                  proxy_temp_path %1$s/temp/proxy;
                  fastcgi_temp_path %1$s/temp/fastcgi;
                  uwsgi_temp_path %1$s/temp/uwsgi;
                  scgi_temp_path %1$s/temp/scgi;
                  keepalive_requests 1000000;
                  upstream service {
                    server 127.0.0.1:%2$d;
                    keepalive 32;
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://service;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $http_host;
                    }
                  }
                }
                """.formatted(folder.toAbsolutePath(), upstreamPort, port), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(nginx.get().toString(), "-p", folder.toAbsolutePath().toString(),
                "-c", config.toAbsolutePath().toString(), "-e", folder.resolve("error.log").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("nginx.out").toFile())
                .start();
        NginxReverseProxy proxy = new NginxReverseProxy(process, port);
        if (!Probes.await(Duration.ofSeconds(20), () -> Probes.accepts(port), process::isAlive)) {
            proxy.close();
            throw new IllegalStateException("nginx did not start; see " + folder.resolve("error.log"));
        }
        return Optional.of(proxy);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** CPU time of the master and its workers so far. */
    Duration cpuTime() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
