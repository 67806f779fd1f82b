package io.kumo.identity.application;

import io.kumo.common.auth.RoleRef;
import io.kumo.common.auth.TokenClaims;
import io.kumo.common.auth.TokenCodec;
import io.kumo.identity.config.IdentityProperties;
import io.kumo.identity.domain.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Signs tokens: lifetime from configuration, capped by whatever the caller's credential allows. */
@Component
class TokenIssuer {

    private final TokenCodec codec = new TokenCodec();
    private final SigningKeyService keys;
    private final IdentityProperties properties;
    private final Clock clock;

    TokenIssuer(SigningKeyService keys, IdentityProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** The bootstrap admin project in the Default domain is the cloud's admin project. */
    private boolean isAdminProject(ResolvedScope scope) {
        return scope.project() != null && "default".equals(scope.project().domainId())
                && properties.bootstrap().adminProject().equals(scope.project().name());
    }

    IssuedToken issue(Authenticated who, ResolvedScope scope) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.tokenLifetime());
        if (who.expiresNoLaterThan() != null && who.expiresNoLaterThan().isBefore(expires)) {
            expires = who.expiresNoLaterThan();
        }
        List<String> auditIds = who.parentAuditId() == null ? List.of(Ids.newAuditId())
                : List.of(Ids.newAuditId(), who.parentAuditId());
        TokenClaims claims = new TokenClaims(
                who.user().id(),
                who.user().domainId(),
                scope.scope(),
                scope.project() == null ? null : scope.project().id(),
                scope.domain() == null ? null : scope.domain().id(),
                scope.roles().stream().map(r -> new RoleRef(r.id(), r.name())).toList(),
                who.methods(),
                auditIds,
                now,
                expires,
                who.applicationCredential() == null ? null : who.applicationCredential().id(),
                isAdminProject(scope));
        SigningKeyService.ActiveKey key = keys.activeKey();
        return new IssuedToken(codec.sign(claims, key.kid(), key.privateKey()), claims);
    }
}
