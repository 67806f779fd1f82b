package io.kumo.identity.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.InvalidTokenException;
import io.kumo.common.auth.Policy;
import io.kumo.common.auth.TokenClaims;
import io.kumo.common.auth.TokenValidator;
import io.kumo.common.error.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validate, check and revoke a subject token ({@code GET/HEAD/DELETE /v3/auth/tokens}). Allowed to
 * admins, services, and the token's own user; an unknown, expired or revoked token is a 404.
 */
@Service
public class TokenService {

    private final TokenValidator validator;
    private final TokenDetailsAssembler assembler;
    private final RevocationService revocations;

    TokenService(TokenValidator validator, TokenDetailsAssembler assembler, RevocationService revocations) {
        this.validator = validator;
        this.assembler = assembler;
        this.revocations = revocations;
    }

    @Transactional(readOnly = true)
    public TokenDetails validate(Caller caller, String subjectToken, boolean withCatalog) {
        TokenClaims claims = subject(caller, subjectToken);
        return assembler.validated(subjectToken, claims, withCatalog);
    }

    @Transactional
    public void revoke(Caller caller, String subjectToken) {
        revocations.revokeToken(subject(caller, subjectToken).auditId());
    }

    private TokenClaims subject(Caller caller, String subjectToken) {
        if (subjectToken == null || subjectToken.isBlank()) {
            throw ApiException.badRequest("The X-Subject-Token header is required.");
        }
        TokenClaims claims;
        try {
            claims = validator.validate(subjectToken);
        } catch (InvalidTokenException e) {
            throw ApiException.notFound("Could not find token.");
        }
        boolean own = claims.userId().equals(caller.userId());
        if (!own && !Policy.isAdmin(caller) && !Policy.isService(caller)) {
            throw ApiException.forbidden("You are not authorized to perform the requested action: identity:validate_token.");
        }
        return claims;
    }
}
