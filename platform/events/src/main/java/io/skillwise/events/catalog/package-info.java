/**
 * Facts published by catalog-service on {@code catalog.course.v1}, keyed by course id.
 *
 * <p>{@link io.skillwise.events.catalog.CoursePublished} and {@link io.skillwise.events.catalog.CourseUpdated} carry
 * the whole {@link io.skillwise.events.catalog.CourseState}: price, instructor, and the curriculum outline including
 * each quiz's correct answers, because enrollment-service grades quizzes from its replica. The topic is internal;
 * consumers other than enrollment must never show quiz answers to anyone.
 */
package io.skillwise.events.catalog;
