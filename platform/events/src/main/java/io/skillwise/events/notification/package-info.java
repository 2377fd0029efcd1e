/**
 * Facts published by notification-service on {@code notification.discussion.v1}, keyed by discussion thread id:
 * what happens in course discussions that another service must act on (reported posts reach review-service's
 * moderation queue).
 */
package io.skillwise.events.notification;
