package io.kumo.identity.application;

import io.kumo.identity.domain.Credentials;
import org.springframework.stereotype.Component;

/** Dispatches credentials to the authenticator of their method. */
@Component
class Authenticators {

    private final PasswordAuthenticator passwords;
    private final TokenAuthenticator tokens;
    private final ApplicationCredentialAuthenticator applicationCredentials;

    Authenticators(PasswordAuthenticator passwords, TokenAuthenticator tokens,
            ApplicationCredentialAuthenticator applicationCredentials) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.applicationCredentials = applicationCredentials;
    }

    Authenticated verify(Credentials credentials) {
        if (credentials instanceof Credentials.Password password) {
            return passwords.authenticate(password);
        }
        if (credentials instanceof Credentials.Token token) {
            return tokens.authenticate(token);
        }
        return applicationCredentials.authenticate((Credentials.ApplicationCredential) credentials);
    }
}
