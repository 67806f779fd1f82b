package io.kumo.identity.application;

import io.kumo.common.auth.TokenScope;
import io.kumo.identity.persistence.Domain;
import io.kumo.identity.persistence.Project;
import io.kumo.identity.persistence.Role;
import java.util.List;

/** The scope a token gets and the roles it carries there. */
record ResolvedScope(TokenScope scope, Project project, Domain domain, List<Role> roles) {

    static ResolvedScope unscoped() {
        return new ResolvedScope(TokenScope.UNSCOPED, null, null, List.of());
    }
}
