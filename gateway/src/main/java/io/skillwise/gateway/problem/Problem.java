package io.skillwise.gateway.problem;

/**
 * An RFC 9457 problem document as the gateway writes it: {@code type} names the kind of problem
 * ({@code https://skillwise.io/problems/<kind>}, as the services do), {@code detail} says why, and the extension
 * member {@code requestId} lets an operator find the request in the logs.
 */
public record Problem(String type, String title, int status, String detail, String instance, String requestId) {
}
