package io.kumo.common.web;

import java.io.IOException;

/** Raised while reading a request body past the configured limit; answered with 413. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limit) {
        super("Request body is larger than the limit of " + limit + " bytes.");
    }

    /** Body parsers wrap read errors, so the 413 is recognised anywhere in the cause chain. */
    public static boolean isCauseOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
