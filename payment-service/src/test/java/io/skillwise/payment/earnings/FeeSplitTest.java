package io.skillwise.payment.earnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeeSplitTest {

    @Test
    void saleSplitsAtTheShareRoundingHalfUp() {
        assertThat(FeeSplit.sale(4999, 3000)).isEqualTo(new FeeSplit(4999, 1500, 3499));
        assertThat(FeeSplit.sale(1, 5000)).isEqualTo(new FeeSplit(1, 1, 0));
        assertThat(FeeSplit.sale(1000, 0)).isEqualTo(new FeeSplit(1000, 0, 1000));
    }

    @Test
    void partialRefundsReverseExactlyTheOriginalFeeInTotal() {
        FeeSplit sale = FeeSplit.sale(4999, 3000);
        FeeSplit first = FeeSplit.reversal(sale, 0, 1234);
        FeeSplit second = FeeSplit.reversal(sale, 1234, 3333);
        FeeSplit rest = FeeSplit.reversal(sale, 3333, 4999);
        assertThat(first.gross() + second.gross() + rest.gross()).isEqualTo(sale.gross());
        assertThat(first.fee() + second.fee() + rest.fee()).isEqualTo(sale.fee());
        assertThat(first.net() + second.net() + rest.net()).isEqualTo(sale.net());
    }

    @Test
    void fullRefundReversesTheWholeSale() {
        FeeSplit sale = FeeSplit.sale(999, 3000);
        assertThat(FeeSplit.reversal(sale, 0, 999)).isEqualTo(sale);
    }

    @Test
    void refundedTotalCannotShrinkOrExceedThePayment() {
        FeeSplit sale = FeeSplit.sale(1000, 3000);
        assertThatThrownBy(() -> FeeSplit.reversal(sale, 500, 400)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeSplit.reversal(sale, 0, 1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeSplit.sale(1000, 10_001)).isInstanceOf(IllegalArgumentException.class);
    }
}
