package io.skillwise.analytics.sales;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Money in one currency over some period, in minor units, as payment's earnings ledger would add it up.
 *
 * @param orders              course sales (order lines): a bundle of three of an instructor's courses is three
 * @param refunds             refunds and lost disputes, counted per order line they took money from
 * @param gross               what buyers paid for the courses, plus subscription shares before the platform fee
 * @param discount            what coupons, sales, bundles and referrals took off the list prices
 * @param refunded            what refunds and lost disputes took back
 * @param platformFee         the platform's part, less what refunds gave back of it
 * @param affiliateCommission commissions paid to affiliates, less those reversed
 * @param net                 the instructor's earnings: {@code gross - refunded - platformFee - affiliateCommission}
 */
public record MoneyFigures(@Schema(example = "USD") String currency, @Schema(example = "42") long orders,
                           @Schema(example = "2") long refunds, @Schema(example = "209958") long gross,
                           @Schema(example = "20000") long discount, @Schema(example = "9998") long refunded,
                           @Schema(example = "59988") long platformFee,
                           @Schema(example = "5000") long affiliateCommission, @Schema(example = "134972") long net) {

    public MoneyFigures {
        if (net != gross - refunded - platformFee - affiliateCommission) {
            throw new IllegalStateException("figures in " + currency + " do not add up: " + net + " != " + gross
                    + " - " + refunded + " - " + platformFee + " - " + affiliateCommission);
        }
    }

    public static MoneyFigures zero(String currency) {
        return new MoneyFigures(currency, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public MoneyFigures plus(MoneyFigures other) {
        return new MoneyFigures(currency, orders + other.orders, refunds + other.refunds, gross + other.gross,
                discount + other.discount, refunded + other.refunded, platformFee + other.platformFee,
                affiliateCommission + other.affiliateCommission, net + other.net);
    }
}
