/**
 * Facts published by enrollment-service on {@code enrollment.enrollment.v1}, keyed by enrollment id.
 *
 * <p>Review checks eligibility from these, catalog keeps enrollment counts and who may open lessons, payment keeps
 * progress for its refund policy, promotion measures campaign spikes, analytics builds dashboards.
 */
package io.skillwise.events.enrollment;
