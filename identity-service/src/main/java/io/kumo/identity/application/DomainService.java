package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.Ids;
import io.kumo.identity.persistence.Domain;
import io.kumo.identity.persistence.DomainRepository;
import io.kumo.identity.persistence.ProjectRepository;
import io.kumo.identity.persistence.RoleAssignment;
import io.kumo.identity.persistence.RoleAssignmentRepository;
import io.kumo.identity.persistence.UserRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class DomainService {

    private final DomainRepository domains;
    private final ProjectRepository projects;
    private final UserRepository users;
    private final RevocationService revocations;
    private final DomainCache cache;
    private final RoleAssignmentRepository assignments;
    private final Clock clock;

    DomainService(DomainRepository domains, ProjectRepository projects, UserRepository users,
            RevocationService revocations, DomainCache cache, RoleAssignmentRepository assignments, Clock clock) {
        this.domains = domains;
        this.projects = projects;
        this.users = users;
        this.revocations = revocations;
        this.cache = cache;
        this.assignments = assignments;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Domain> list(String name, Boolean enabled) {
        return domains.findAll().stream()
                .filter(d -> name == null || d.name().equals(name))
                .filter(d -> enabled == null || d.enabled() == enabled)
                .toList();
    }

    @Transactional(readOnly = true)
    public Domain get(String id) {
        return domains.findById(id).orElseThrow(() -> ApiException.notFound("domain", id));
    }

    @Transactional
    public Domain create(String name, String description, boolean enabled) {
        Names.require(name, "domain", 64);
        if (domains.findByName(name).isPresent()) {
            throw ApiException.conflict("Conflict occurred attempting to store domain - Duplicate entry found with name "
                    + name + ".");
        }
        Domain created = domains.save(new Domain(Ids.newId(), name, description, enabled, clock.instant()));
        AfterCommit.run(cache::invalidate);
        return created;
    }

    @Transactional
    public Domain update(String id, String name, String description, Boolean enabled) {
        Domain domain = get(id);
        if (name != null && !name.equals(domain.name()) && domains.findByName(name).isPresent()) {
            throw ApiException.conflict("Conflict occurred attempting to store domain - Duplicate entry found with name "
                    + name + ".");
        }
        boolean disabling = Boolean.FALSE.equals(enabled) && domain.enabled();
        domain.update(name, description, enabled);
        AfterCommit.run(cache::invalidate);
        if (disabling) {
            revocations.revokeDomain(id);
            projects.findByDomainId(id).forEach(p -> revocations.revokeProject(p.id()));
        }
        return domain;
    }

    @Transactional
    public void delete(String id) {
        Domain domain = get(id);
        if (domain.enabled()) {
            throw ApiException.forbidden("Cannot delete a domain that is enabled, please disable it first.");
        }
        if (projects.existsByDomainId(id) || users.existsByDomainId(id)) {
            throw ApiException.conflict("Domain " + id + " still owns projects or users; delete them first.");
        }
        assignments.deleteByTargetTypeAndTargetId(RoleAssignment.DOMAIN, id);
        domains.delete(domain);
        AfterCommit.run(cache::invalidate);
    }
}
