package io.skillwise.notification.trigger;

import io.skillwise.events.common.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void moneyIsWrittenInTheCurrencysOwnDecimals() {
        assertThat(Texts.money(new Money(4999, "USD"))).isEqualTo("49.99 USD");
        assertThat(Texts.money(new Money(5, "EUR"))).isEqualTo("0.05 EUR");
        assertThat(Texts.money(new Money(4999, "JPY"))).isEqualTo("4999 JPY");
    }

    @Test
    void listsReadLikeASentence() {
        assertThat(Texts.list(List.of())).isEmpty();
        assertThat(Texts.list(List.of("A"))).isEqualTo("A");
        assertThat(Texts.list(List.of("A", "B"))).isEqualTo("A and B");
        assertThat(Texts.list(List.of("A", "B", "C"))).isEqualTo("A, B and C");
    }

    @Test
    void daysAreWrittenInUtc() {
        assertThat(Texts.day(Instant.parse("2025-03-01T23:30:00Z"))).isEqualTo("1 Mar 2025");
    }
}
