package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalCheckoutTest {

    private static final String PAGE = """
            <!doctype html>
            <html><body>
              <h1>SkillWise test checkout</h1>
              <form method="get" action="/local-checkout/42/pay"><button type="submit">Pay</button></form>
              <form method="get" action="/local-checkout/42/fail"><button type="submit">Pay with a failing card</button></form>
              <form method="get" action="/local-checkout/42/cancel"><button type="submit">Cancel</button></form>
            </body></html>
            """;

    @Test
    void theFormOfTheButtonIsResolvedAgainstThePagesAddress() {
        assertThat(LocalCheckout.formAction(PAGE, "http://127.0.0.1:9080/local-checkout/42", "Pay"))
                .isEqualTo("http://127.0.0.1:9080/local-checkout/42/pay");
        assertThat(LocalCheckout.formAction(PAGE, "http://127.0.0.1:9080/local-checkout/42", "Cancel"))
                .isEqualTo("http://127.0.0.1:9080/local-checkout/42/cancel");
    }

    @Test
    void aPageWithoutTheButtonFailsSayingWhatWasMissing() {
        assertThatThrownBy(() -> LocalCheckout.formAction(PAGE, "http://127.0.0.1:9080/", "Subscribe"))
                .hasMessageContaining("no form with a Subscribe button");
    }
}
