package io.skillwise.analytics.support;

import tools.jackson.databind.JsonNode;

/** Reading the money figures of an answer: one currency's object of a per-currency list. */
public final class Figures {

    private Figures() {
    }

    public static JsonNode inCurrency(JsonNode perCurrency, String currency) {
        for (JsonNode figures : perCurrency.values()) {
            if (currency.equals(figures.path("currency").asString())) {
                return figures;
            }
        }
        throw new AssertionError("no " + currency + " figures in " + perCurrency);
    }

    /** {@code [orders, refunds, gross, discount, refunded, platformFee, affiliateCommission, net]} */
    public static long[] money(JsonNode figures) {
        return new long[] {figures.path("orders").asLong(), figures.path("refunds").asLong(),
                figures.path("gross").asLong(), figures.path("discount").asLong(), figures.path("refunded").asLong(),
                figures.path("platformFee").asLong(), figures.path("affiliateCommission").asLong(),
                figures.path("net").asLong()};
    }
}
