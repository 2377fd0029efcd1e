package io.skillwise.analytics.projection;

import io.skillwise.kit.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTest {

    @Test
    void csvIsWantedWhenTheAcceptHeaderPrefersIt() {
        assertThat(Csv.wanted("text/csv")).isTrue();
        assertThat(Csv.wanted("text/csv;q=0.9, application/json;q=0.1")).isTrue();
        assertThat(Csv.wanted("application/json, text/csv;q=0.5")).isFalse();
        assertThat(Csv.wanted("*/*")).isFalse();
        assertThat(Csv.wanted(null)).isFalse();
    }

    /** Found by ApiFuzzIT: an Accept header that is no media type was a 500. */
    @Test
    void anAcceptHeaderThatIsNoMediaTypeIsABadRequest() {
        assertThatThrownBy(() -> Csv.wanted("x".repeat(200)))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.getMessage()).contains("Accept header"));
    }
}
