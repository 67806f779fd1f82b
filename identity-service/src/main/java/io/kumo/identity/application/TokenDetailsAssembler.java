package io.kumo.identity.application;

import io.kumo.common.auth.TokenClaims;
import io.kumo.common.error.ApiException;
import io.kumo.identity.persistence.ApplicationCredential;
import io.kumo.identity.persistence.ApplicationCredentialRepository;
import io.kumo.identity.persistence.Domain;
import io.kumo.identity.persistence.Project;
import io.kumo.identity.persistence.User;
import org.springframework.stereotype.Component;

/** Puts names and the catalog around a token's claims, for issue and validate responses. */
@Component
class TokenDetailsAssembler {

    private final Directory directory;
    private final ServiceCatalog catalog;
    private final ApplicationCredentialRepository applicationCredentials;

    TokenDetailsAssembler(Directory directory, ServiceCatalog catalog,
            ApplicationCredentialRepository applicationCredentials) {
        this.directory = directory;
        this.catalog = catalog;
        this.applicationCredentials = applicationCredentials;
    }

    TokenDetails issued(IssuedToken token, Authenticated who, ResolvedScope scope, boolean withCatalog) {
        Project project = scope.project();
        return new TokenDetails(token.id(), token.claims(), who.user(), directory.domainOf(who.user()), project,
                project == null ? null : directory.requireDomain(project.domainId()), scope.domain(),
                who.applicationCredential(), catalogFor(token.claims(), withCatalog));
    }

    /** For validation: 404 when anything the token names no longer exists. */
    TokenDetails validated(String tokenId, TokenClaims claims, boolean withCatalog) {
        try {
            User user = directory.requireUser(claims.userId());
            Project project = claims.projectId() == null ? null : directory.requireProject(claims.projectId());
            Domain scoped = claims.domainId() == null ? null : directory.requireDomain(claims.domainId());
            ApplicationCredential credential = claims.applicationCredentialId() == null ? null
                    : applicationCredentials.findById(claims.applicationCredentialId())
                            .orElseThrow(() -> ApiException.notFound("application credential",
                                    claims.applicationCredentialId()));
            return new TokenDetails(tokenId, claims, user, directory.domainOf(user), project,
                    project == null ? null : directory.requireDomain(project.domainId()), scoped, credential,
                    catalogFor(claims, withCatalog));
        } catch (ApiException e) {
            throw ApiException.notFound("Could not find token: " + claims.auditId() + ".");
        }
    }

    private java.util.List<CatalogEntry> catalogFor(TokenClaims claims, boolean withCatalog) {
        return withCatalog ? catalog.forScope(claims.scope(), claims.projectId()) : null;
    }
}
