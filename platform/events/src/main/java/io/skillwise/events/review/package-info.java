/**
 * Facts published by review-service on {@code review.review.v1}, keyed by <em>course</em> id: a course's reviews
 * and the rating aggregate they produce share a partition, so a consumer never sees an aggregate before the review
 * that caused it.
 */
package io.skillwise.events.review;
