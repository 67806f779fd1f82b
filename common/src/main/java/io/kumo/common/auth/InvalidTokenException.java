package io.kumo.common.auth;

/** A token that is malformed, wrongly signed, expired or revoked. The reason is for logs, not clients. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason);
    }

    public InvalidTokenException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
