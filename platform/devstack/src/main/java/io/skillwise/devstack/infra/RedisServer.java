package io.skillwise.devstack.infra;

import io.skillwise.devstack.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Redis 6.2 from the binary the embedded-redis jar ships, bound to loopback. */
public final class RedisServer implements Component {

    private final int port;
    private final Path dataDir;
    private redis.embedded.RedisServer server;

    public RedisServer(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    @Override
    public String name() {
        return "redis";
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        Files.createDirectories(dataDir);
        server = redis.embedded.RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + dataDir)
                // Rate-limit counters and the session denylist are short-lived: no snapshots needed.
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("maxmemory 128mb")
                .setting("maxmemory-policy volatile-lru")
                .onShutdownForceStop(true)
                .build();
        server.start();
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (IOException e) {
            throw new IllegalStateException("Redis did not stop cleanly", e);
        } finally {
            server = null;
        }
    }

    @Override
    public boolean isHealthy() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return "+PONG".equals(reply);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Path logFile() {
        return null;
    }
}
