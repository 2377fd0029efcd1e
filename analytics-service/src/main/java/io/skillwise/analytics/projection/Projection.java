package io.skillwise.analytics.projection;

/**
 * One feature's read models, fed from event batches. An implementation is idempotent by natural keys and commutative:
 * applying a batch twice, or batches in another order, leaves the same tables. It runs inside the batch's
 * transaction, with the version's schema first on the search path.
 */
public interface Projection {

    void apply(EventBatch batch);
}
