package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    /** What wrk 4 printed with the summary script against a small local server (its report, then the JSON line). */
    private static final String WRK_OUTPUT = """
            Running 2s test @ http://127.0.0.1:18555/
              1 threads and 2 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    61.53ms   19.53ms 139.16ms   71.21%
                Req/Sec    31.95      7.78    48.00     68.42%
              65 requests in 2.10s, 11.15MB read
              Non-2xx or 3xx responses: 3
            Requests/sec:     30.99
            Transfer/sec:      5.32MB

            {"requests":65,"durationMicros":2097677,"connectErrors":1,"readErrors":0,"writeErrors":0,\
            "statusErrors":3,"timeouts":2,"p50Micros":59945,"p99Micros":139162}
            """;

    @Test
    void wrksFiguresAreReadFromTheSummaryScriptsJson() {
        LoadGenerator.Result result = LoadGenerator.Wrk.parse(WRK_OUTPUT);

        assertThat(result.requests()).isEqualTo(65);
        assertThat(result.errors()).as("connect, status and timeout errors together").isEqualTo(6);
        assertThat(result.seconds()).isEqualTo(2.097677);
        assertThat(result.p50Millis()).isEqualTo(59.945);
        assertThat(result.p99Millis()).isEqualTo(139.162);
    }
}
