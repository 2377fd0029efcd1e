package io.skillwise.devstack;
import java.nio.file.Path;
/** One piece of the local platform: started and stopped by the supervisor, checked by `skillwise status`. */
public interface Component extends AutoCloseable {
    String name();
    /** Starts and blocks until the component is ready to serve, or throws with a message naming what failed. */
    void start() throws Exception;
    /** Stops and waits until the component's processes are gone. Safe to call twice. */
    void stop();
    boolean isHealthy();
    /** The component's log file, or null when it logs into the supervisor's log. */
    Path logFile();
    @Override default void close() { stop(); }
}
