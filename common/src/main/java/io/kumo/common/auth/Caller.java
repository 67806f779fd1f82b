package io.kumo.common.auth;

/**
 * The authenticated caller of an API request, as controllers see it. Declaring a {@code Caller}
 * parameter on a controller method is what makes the endpoint require a token.
 */
public record Caller(TokenClaims token, String rawToken) {

    public String userId() {
        return token.userId();
    }

    public String projectId() {
        return token.projectId();
    }

    public boolean hasRole(String role) {
        return token.hasRole(role);
    }

    /** How the caller authenticated, for audit: the method, and the application credential if one. */
    public String credential() {
        String method = String.join("+", token.methods());
        return token.applicationCredentialId() == null ? method
                : "application_credential:" + token.applicationCredentialId();
    }
}
