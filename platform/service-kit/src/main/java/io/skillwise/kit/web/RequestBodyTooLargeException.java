package io.skillwise.kit.web;

import java.io.IOException;

/**
 * A body without a declared length grew past its route's limit while it was read. An {@link IOException}, since it
 * comes out of the request's input stream; {@link ApiExceptionHandler} answers it 413 however it arrives.
 */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
