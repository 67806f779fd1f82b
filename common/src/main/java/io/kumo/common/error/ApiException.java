package io.kumo.common.error;

import org.springframework.http.HttpStatus;

/**
 * An error the client caused or must know about, rendered in the calling service's OpenStack error
 * shape. The message is shown to the user, so it says what to fix and never carries secrets.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    public ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public static ApiException notFound(String kind, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "Could not find " + kind + ": " + id + ".");
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public static ApiException tooManyRequests(String message) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, message);
    }

    public static ApiException notAcceptable(String message) {
        return new ApiException(HttpStatus.NOT_ACCEPTABLE, message);
    }
}
