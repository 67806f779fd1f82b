package io.kumo.identity.application;

import io.kumo.common.auth.TokenClaims;
import io.kumo.identity.persistence.ApplicationCredential;
import io.kumo.identity.persistence.Domain;
import io.kumo.identity.persistence.Project;
import io.kumo.identity.persistence.User;
import java.util.List;

/** Everything a Keystone token body shows: the claims plus names, and the catalog unless declined. */
public record TokenDetails(
        String tokenId,
        TokenClaims claims,
        User user,
        Domain userDomain,
        Project project,
        Domain projectDomain,
        Domain scopedDomain,
        ApplicationCredential applicationCredential,
        List<CatalogEntry> catalog) {
}
