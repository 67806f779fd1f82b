package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.DomainRef;
import io.kumo.identity.domain.UserRef;
import io.kumo.identity.persistence.Domain;
import io.kumo.identity.persistence.Project;
import io.kumo.identity.persistence.ProjectRepository;
import io.kumo.identity.persistence.Role;
import io.kumo.identity.persistence.RoleRepository;
import io.kumo.identity.persistence.User;
import io.kumo.identity.persistence.UserRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds domains, projects, users and roles the way requests name them (by id, or by name in a domain). */
@Component
public class Directory {

    private final DomainCache domains;
    private final ProjectRepository projects;
    private final UserRepository users;
    private final RoleRepository roles;

    Directory(DomainCache domains, ProjectRepository projects, UserRepository users, RoleRepository roles) {
        this.domains = domains;
        this.projects = projects;
        this.users = users;
        this.roles = roles;
    }

    public Optional<Domain> domain(DomainRef ref) {
        return domains.byRef(ref);
    }

    public Optional<User> user(UserRef ref) {
        if (ref.id() != null) {
            return users.findById(ref.id());
        }
        return domain(ref.domain()).flatMap(d -> users.findByDomainIdAndName(d.id(), ref.name()));
    }

    public Domain requireDomain(String id) {
        return domains.byId(id).orElseThrow(() -> ApiException.notFound("domain", id));
    }

    public Project requireProject(String id) {
        return projects.findById(id).orElseThrow(() -> ApiException.notFound("project", id));
    }

    public User requireUser(String id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("user", id));
    }

    public Optional<Role> role(String id) {
        return roles.findById(id);
    }

    public Role requireRole(String id) {
        return roles.findById(id).orElseThrow(() -> ApiException.notFound("role", id));
    }

    public Domain domainOf(User user) {
        return requireDomain(user.domainId());
    }
}
