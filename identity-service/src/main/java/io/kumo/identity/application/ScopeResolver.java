package io.kumo.identity.application;

import io.kumo.common.auth.TokenScope;
import io.kumo.identity.domain.ScopeRequest;
import io.kumo.identity.persistence.ApplicationCredential;
import io.kumo.identity.persistence.Domain;
import io.kumo.identity.persistence.Project;
import io.kumo.identity.persistence.Role;
import io.kumo.identity.persistence.RoleAssignment;
import io.kumo.identity.persistence.User;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Decides the scope of a new token and the roles it carries there. A user without a role on the
 * requested target gets no token; a disabled project or domain gets none either.
 */
@Component
class ScopeResolver {

    private final Directory directory;
    private final EffectiveRoles roles;

    ScopeResolver(Directory directory, EffectiveRoles roles) {
        this.directory = directory;
        this.roles = roles;
    }

    ResolvedScope resolve(Authenticated who, ScopeRequest requested) {
        User user = who.user();
        if (who.applicationCredential() != null) {
            boolean sameProject = requested instanceof ScopeRequest.Project p
                    && who.applicationCredential().projectId().equals(p.id());
            if (!(requested instanceof ScopeRequest.Default) && !sameProject) {
                throw new AuthenticationFailure(user.id(), "scope requested with an application credential",
                        "Application credentials cannot request a scope.");
            }
            return applicationCredentialScope(user, who.applicationCredential());
        }
        if (requested instanceof ScopeRequest.Project p) {
            EffectiveRoles.ProjectAccess access = roles.onProject(user.id(), p.id(), p.name(), p.domain())
                    .orElseThrow(() -> new AuthenticationFailure(user.id(), "unknown project"));
            return projectScope(user, access);
        }
        if (requested instanceof ScopeRequest.Domain d) {
            Domain domain = directory.domain(d.domain())
                    .orElseThrow(() -> new AuthenticationFailure(user.id(), "unknown domain"));
            return domainScope(user, domain);
        }
        if (requested instanceof ScopeRequest.System) {
            List<Role> granted = roles.of(user.id(), RoleAssignment.SYSTEM, RoleAssignment.SYSTEM_ALL);
            requireRoles(user, granted, "system");
            return new ResolvedScope(TokenScope.SYSTEM, null, null, granted);
        }
        if (requested instanceof ScopeRequest.Default && user.defaultProjectId() != null) {
            EffectiveRoles.ProjectAccess access = roles.onProject(user.id(), user.defaultProjectId(), null, null)
                    .orElse(null);
            try {
                return access == null ? ResolvedScope.unscoped() : projectScope(user, access);
            } catch (AuthenticationFailure noAccess) {
                return ResolvedScope.unscoped(); // Keystone: no usable default project means an unscoped token
            }
        }
        return ResolvedScope.unscoped();
    }

    private ResolvedScope projectScope(User user, EffectiveRoles.ProjectAccess access) {
        Project project = access.project();
        if (!project.enabled() || !directory.requireDomain(project.domainId()).enabled()) {
            throw new AuthenticationFailure(user.id(), "project " + project.id() + " or its domain is disabled");
        }
        List<Role> granted = access.roles();
        requireRoles(user, granted, "project " + project.id());
        return new ResolvedScope(TokenScope.PROJECT, project, null, granted);
    }

    private ResolvedScope domainScope(User user, Domain domain) {
        if (!domain.enabled()) {
            throw new AuthenticationFailure(user.id(), "domain " + domain.id() + " is disabled");
        }
        List<Role> granted = roles.of(user.id(), RoleAssignment.DOMAIN, domain.id());
        requireRoles(user, granted, "domain " + domain.id());
        return new ResolvedScope(TokenScope.DOMAIN, null, domain, granted);
    }

    private ResolvedScope applicationCredentialScope(User user, ApplicationCredential credential) {
        EffectiveRoles.ProjectAccess access = roles.onProject(user.id(), credential.projectId(), null, null)
                .orElseThrow(() -> new AuthenticationFailure(user.id(), "application credential's project is gone"));
        ResolvedScope full = projectScope(user, access);
        Project project = access.project();
        Set<String> delegated = roles.expand(credential.roleIds());
        List<Role> kept = full.roles().stream().filter(r -> delegated.contains(r.id())).toList();
        requireRoles(user, kept, "project " + project.id() + " through application credential " + credential.id());
        return new ResolvedScope(TokenScope.PROJECT, project, null, kept);
    }

    private static void requireRoles(User user, List<Role> granted, String target) {
        if (granted.isEmpty()) {
            throw new AuthenticationFailure(user.id(), "no role on " + target,
                    "User " + user.id() + " has no access to " + target + ".");
        }
    }
}
