package io.kumo.identity.application;

import org.springframework.stereotype.Component;

/**
 * The in-memory snapshots of rarely changing data (domains, the catalog, the role graph), dropped
 * together: after the bootstrap commits, so that nothing read while Tomcat already answered but the
 * bootstrap had not yet created the Default domain, the catalog and the roles is served for seconds.
 */
@Component
public class IdentityCaches {

    private final DomainCache domains;
    private final ServiceCatalog catalog;
    private final EffectiveRoles roles;

    IdentityCaches(DomainCache domains, ServiceCatalog catalog, EffectiveRoles roles) {
        this.domains = domains;
        this.catalog = catalog;
        this.roles = roles;
    }

    public void invalidateAll() {
        domains.invalidate();
        catalog.invalidate();
        roles.invalidate();
    }
}
