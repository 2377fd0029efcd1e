package io.skillwise.gateway.problem;

/**
 * An RFC 9457 problem document as the gateway writes it. {@code type} is {@code about:blank} because every
 * problem the gateway itself reports is plain HTTP semantics (401, 403, 404, 413, 429, 503, ...): the status
 * says what happened, {@code detail} says why, {@code requestId} lets an operator find the request in the logs.
 */
public record Problem(String type, String title, int status, String detail, String instance, String requestId) {
}
