/**
 * Facts published by promotion-service on {@code promotion.promotion.v1}. The topic carries three aggregates, each
 * keyed by its own id: coupons, campaigns and affiliate commissions.
 */
package io.skillwise.events.promotion;
