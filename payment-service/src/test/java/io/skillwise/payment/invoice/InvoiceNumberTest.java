package io.skillwise.payment.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillwise.events.common.Money;
import org.junit.jupiter.api.Test;

class InvoiceNumberTest {

    @Test
    void numbersArePrefixYearAndZeroPaddedSequence() {
        assertThat(new InvoiceNumber("SW", 2026, 42)).hasToString("SW-2026-000042");
        assertThat(InvoiceNumber.parse("SW-2027-000001")).isEqualTo(new InvoiceNumber("SW", 2027, 1));
    }

    @Test
    void sequenceStartsAtOne() {
        assertThatThrownBy(() -> new InvoiceNumber("SW", 2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amountsUseTheCurrencysDecimals() {
        assertThat(InvoicePdf.format(Money.of(4999, "USD"))).isEqualTo("49.99 USD");
        assertThat(InvoicePdf.format(Money.of(500, "JPY"))).isEqualTo("500 JPY");
    }
}
