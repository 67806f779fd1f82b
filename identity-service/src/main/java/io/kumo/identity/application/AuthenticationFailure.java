package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A refused authentication. Clients get Keystone's deliberately vague message; the audit record gets
 * the real reason and, when known, the user.
 */
public class AuthenticationFailure extends ApiException {

    static final String VAGUE = "The request you have made requires authentication.";

    private final String userId;
    private final String reason;

    AuthenticationFailure(String userId, String reason) {
        this(userId, reason, VAGUE);
    }

    AuthenticationFailure(String userId, String reason, String clientMessage) {
        super(HttpStatus.UNAUTHORIZED, clientMessage);
        this.userId = userId;
        this.reason = reason;
    }

    public String userId() {
        return userId;
    }

    public String reason() {
        return reason;
    }
}
