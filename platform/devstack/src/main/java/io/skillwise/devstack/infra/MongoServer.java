package io.skillwise.devstack.infra;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.MongoBackend;
import io.skillwise.devstack.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB stand-in (mongo-java-server speaks the wire protocol). With a data folder it persists to an H2
 * file, so the local platform keeps review and notification data across restarts; without one it is in memory.
 * docs/local-infrastructure.md lists what it cannot do (no transactions, no $text, no `hello`).
 */
public final class MongoServer implements Component {

    private final int port;
    private final Path dataFile;
    private de.bwaldvogel.mongo.MongoServer server;

    /** @param dataFile the H2 file to persist into, or null for an in-memory server (tests) */
    public MongoServer(int port, Path dataFile) {
        this.port = port;
        this.dataFile = dataFile;
    }

    @Override
    public String name() {
        return "mongo";
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        MongoBackend backend;
        if (dataFile == null) {
            backend = new MemoryBackend();
        } else {
            Files.createDirectories(dataFile.getParent());
            backend = new H2Backend(dataFile.toString());
        }
        server = new de.bwaldvogel.mongo.MongoServer(backend);
        server.bind("127.0.0.1", port);
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    @Override
    public boolean isHealthy() {
        return Probes.accepts(port);
    }

    @Override
    public Path logFile() {
        return null;
    }
}
