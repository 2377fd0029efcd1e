/**
 * Facts published by payment-service: orders on {@code payment.order.v1} (keyed by order id) and the all-access
 * subscription on {@code payment.subscription.v1} (keyed by subscription id).
 *
 * <p>Amounts are {@link io.skillwise.events.common.Money} in minor units, and every total is the exact sum of its
 * lines, so enrollment, promotion, notification and analytics all reconcile to the cent with payment's ledger.
 * Stripe's own ids never appear: payment-service maps them to its own UUIDs.
 */
package io.skillwise.events.payment;
