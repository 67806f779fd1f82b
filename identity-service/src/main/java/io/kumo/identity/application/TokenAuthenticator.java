package io.kumo.identity.application;

import io.kumo.common.auth.InvalidTokenException;
import io.kumo.common.auth.TokenClaims;
import io.kumo.common.auth.TokenValidator;
import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.Credentials;
import io.kumo.identity.persistence.User;
import io.kumo.identity.persistence.UserRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The {@code token} method: trade a valid token for one with another scope. The new token expires no
 * later than the old one and keeps its audit chain, so revoking the original revokes both.
 */
@Component
class TokenAuthenticator {

    private final TokenValidator validator;
    private final UserRepository users;
    private final Directory directory;

    TokenAuthenticator(TokenValidator validator, UserRepository users, Directory directory) {
        this.validator = validator;
        this.users = users;
        this.directory = directory;
    }

    Authenticated authenticate(Credentials.Token credentials) {
        TokenClaims claims;
        try {
            claims = validator.validate(credentials.token());
        } catch (InvalidTokenException e) {
            throw new AuthenticationFailure(null, "invalid token: " + e.getMessage());
        }
        if (claims.applicationCredentialId() != null) {
            throw ApiException.forbidden("A token obtained with an application credential cannot be re-scoped.");
        }
        User user = users.findById(claims.userId())
                .filter(u -> u.enabled() && directory.domainOf(u).enabled())
                .orElseThrow(() -> new AuthenticationFailure(claims.userId(), "user gone or disabled"));
        List<String> methods = new ArrayList<>(List.of("token"));
        claims.methods().stream().filter(m -> !methods.contains(m)).forEach(methods::add);
        return new Authenticated(user, methods, claims.expiresAt(), claims.auditChainId(), null);
    }
}
