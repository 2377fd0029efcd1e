package io.skillwise.payment.provider;

import com.stripe.model.Charge;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A payment method as a buyer recognises it on an invoice: {@code Visa •••• 4242}, {@code SEPA Direct Debit}. */
final class PaymentMethods {

    /** Stripe's card brand codes as the networks write their names. */
    private static final Map<String, String> BRANDS = Map.of("visa", "Visa", "mastercard", "Mastercard",
            "amex", "American Express", "discover", "Discover", "diners", "Diners Club", "jcb", "JCB",
            "unionpay", "UnionPay", "cartes_bancaires", "Cartes Bancaires", "eftpos_au", "eftpos");

    private static final Map<String, String> METHODS = Map.of("sepa_debit", "SEPA Direct Debit",
            "us_bank_account", "US bank account", "paypal", "PayPal", "link", "Link", "ideal", "iDEAL",
            "bancontact", "Bancontact", "customer_balance", "Bank transfer", "klarna", "Klarna");

    private PaymentMethods() {
    }

    static String card(String brand, String last4) {
        String name = BRANDS.getOrDefault(brand, brand == null ? "Card" : capitalised(brand));
        return last4 == null ? name : name + " \u2022\u2022\u2022\u2022 " + last4;
    }

    static Optional<String> summary(Charge.PaymentMethodDetails details) {
        if (details == null || details.getType() == null) {
            return Optional.empty();
        }
        if (details.getCard() != null) {
            return Optional.of(card(details.getCard().getBrand(), details.getCard().getLast4()));
        }
        if (details.getSepaDebit() != null && details.getSepaDebit().getLast4() != null) {
            return Optional.of(METHODS.get("sepa_debit") + " \u2022\u2022\u2022\u2022 "
                    + details.getSepaDebit().getLast4());
        }
        return Optional.of(METHODS.getOrDefault(details.getType(), capitalised(details.getType().replace('_', ' '))));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
