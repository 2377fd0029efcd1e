/**
 * SkillWise's published language: the events services exchange over Kafka, their topics, and the CloudEvents
 * envelope around them.
 *
 * <p>Each producing context has a sub-package of plain records ({@code identity}, {@code catalog}, {@code payment},
 * {@code enrollment}, {@code review}, {@code promotion}); {@link io.skillwise.events.EventCatalog} maps every record
 * to its topic and CloudEvents type. Every event has a JSON Schema under {@code io/skillwise/events/schemas/} and an
 * entry in {@code io/skillwise/events/asyncapi.yaml}. This module depends on nothing but Jackson's annotations, so
 * every service can use it whatever else it runs.
 */
package io.skillwise.events;
