package io.skillwise.payment.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Purchases and refunds as the business dashboard counts them: {@code skillwise.payment.purchases} (orders paid) and
 * {@code skillwise.payment.refunds} (refunds the provider confirmed, tagged {@code full} or not). Each is counted
 * when the transaction that recorded it commits, so a webhook that rolls back, and is delivered again, counts once.
 */
@Component
public class OrderMetrics {

    public static final String PURCHASES = "skillwise.payment.purchases";
    public static final String REFUNDS = "skillwise.payment.refunds";

    private final Counter purchases;
    private final Counter fullRefunds;
    private final Counter partialRefunds;

    OrderMetrics(MeterRegistry registry) {
        this.purchases = Counter.builder(PURCHASES).description("Orders paid").register(registry);
        this.fullRefunds = refunds(registry, "true");
        this.partialRefunds = refunds(registry, "false");
    }

    /** An order was paid in the current transaction. */
    public void purchased() {
        onCommit(purchases);
    }

    /** A refund of an order was confirmed in the current transaction; {@code full} when nothing is left paid. */
    public void refunded(boolean full) {
        onCommit(full ? fullRefunds : partialRefunds);
    }

    private static Counter refunds(MeterRegistry registry, String full) {
        return Counter.builder(REFUNDS).description("Refunds confirmed by the payment provider")
                .tag("full", full).register(registry);
    }

    private static void onCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
