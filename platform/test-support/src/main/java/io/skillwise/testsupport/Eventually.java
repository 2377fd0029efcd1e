package io.skillwise.testsupport;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Waits for something another process does (a Kafka listener, a relay), for assertions that need the value they
 * waited for. Like Awaitility's {@code untilAsserted}, a timeout fails with the last assertion error, so the test
 * says what it expected and what it saw.
 *
 * <pre>{@code
 * ApiResponse enrolled = eventually(PATIENCE, () -> api.as(learner).post(enrollPath, null),
 *         response -> assertThat(response.status()).as("course replicated").isNotEqualTo(404));
 * }</pre>
 */
public final class Eventually {

    private Eventually() {
    }

    /** Fetches the value until the assertion accepts it, within {@code atMost}, and answers the accepted value. */
    public static <T> T eventually(Duration atMost, Callable<T> fetch, Consumer<? super T> assertion) {
        AtomicReference<T> accepted = new AtomicReference<>();
        Awaitility.await().atMost(atMost).untilAsserted(() -> {
            T value = fetch.call();
            assertion.accept(value);
            accepted.set(value);
        });
        return accepted.get();
    }
}
