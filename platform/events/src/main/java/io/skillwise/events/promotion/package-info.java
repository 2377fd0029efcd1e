/**
 * Facts published by promotion-service on {@code promotion.promotion.v1}. The topic carries four aggregates, each
 * keyed by its own id: coupons, campaigns, affiliate commissions and course sales.
 */
package io.skillwise.events.promotion;
