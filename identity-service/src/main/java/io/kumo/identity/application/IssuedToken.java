package io.kumo.identity.application;

import io.kumo.common.auth.TokenClaims;

/** A freshly signed token: the string the client gets in X-Subject-Token, and what it says. */
public record IssuedToken(String id, TokenClaims claims) {

    @Override
    public String toString() {
        return "IssuedToken[audit=" + claims.auditId() + "]";
    }
}
