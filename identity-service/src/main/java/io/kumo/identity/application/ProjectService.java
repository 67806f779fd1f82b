package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.Ids;
import io.kumo.identity.persistence.Project;
import io.kumo.identity.persistence.ProjectRepository;
import io.kumo.identity.persistence.RoleAssignment;
import io.kumo.identity.persistence.RoleAssignmentRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final Directory directory;
    private final RoleAssignmentRepository assignments;
    private final EffectiveRoles roles;
    private final RevocationService revocations;
    private final Clock clock;

    ProjectService(ProjectRepository projects, Directory directory, RoleAssignmentRepository assignments,
            EffectiveRoles roles, RevocationService revocations, Clock clock) {
        this.projects = projects;
        this.directory = directory;
        this.assignments = assignments;
        this.roles = roles;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Project> list(String domainId, String name, Boolean enabled, String parentId) {
        return projects.findAll().stream()
                .filter(p -> domainId == null || p.domainId().equals(domainId))
                .filter(p -> name == null || p.name().equals(name))
                .filter(p -> enabled == null || p.enabled() == enabled)
                .filter(p -> parentId == null || parentId.equals(p.parentId()))
                .toList();
    }

    /** Projects the user holds any role on, directly or through a group (Keystone's auth/projects). */
    @Transactional(readOnly = true)
    public List<Project> forUser(String userId) {
        return projects.findByIdIn(roles.targetsOf(userId, RoleAssignment.PROJECT)).stream().filter(Project::enabled).toList();
    }

    @Transactional(readOnly = true)
    public Project get(String id) {
        return directory.requireProject(id);
    }

    @Transactional
    public Project create(String name, String domainId, String parentId, String description, boolean enabled,
            Collection<String> tags) {
        Names.require(name, "project", 64);
        requireValidTags(tags);
        String domain = domainId != null ? domainId : parentId != null ? directory.requireProject(parentId).domainId()
                : "default";
        directory.requireDomain(domain);
        if (parentId != null && !directory.requireProject(parentId).domainId().equals(domain)) {
            throw ApiException.badRequest("A project's parent must be in the same domain.");
        }
        if (projects.findByDomainIdAndName(domain, name).isPresent()) {
            throw ApiException.conflict("Conflict occurred attempting to store project - it is not permitted to have "
                    + "two projects with the same name in the same domain : " + name + ".");
        }
        return projects.save(new Project(Ids.newId(), name, domain, parentId == null ? domain : parentId, description,
                enabled, tags == null ? List.of() : tags, clock.instant()));
    }

    @Transactional
    public Project update(String id, String name, String description, Boolean enabled, Collection<String> tags) {
        Project project = get(id);
        requireValidTags(tags);
        if (name != null) {
            Names.require(name, "project", 64);
            projects.findByDomainIdAndName(project.domainId(), name).filter(other -> !other.id().equals(id))
                    .ifPresent(other -> {
                        throw ApiException.conflict("Conflict occurred attempting to store project - it is not "
                                + "permitted to have two projects with the same name in the same domain : " + name + ".");
                    });
        }
        boolean disabling = Boolean.FALSE.equals(enabled) && project.enabled();
        project.update(name, description, enabled, tags);
        if (disabling) {
            revocations.revokeProject(id);
        }
        return project;
    }

    /** Keystone's rule: 1 to 255 characters, no comma and no slash. */
    private static void requireValidTags(Collection<String> tags) {
        if (tags == null) {
            return;
        }
        for (String tag : tags) {
            if (tag == null || tag.isEmpty() || tag.length() > 255 || tag.contains(",") || tag.contains("/")) {
                throw ApiException.badRequest("Invalid input for field 'tags': each tag is 1 to 255 characters "
                        + "without ',' or '/'.");
            }
        }
    }

    @Transactional
    public void delete(String id) {
        Project project = get(id);
        if (projects.existsByParentId(id)) {
            throw ApiException.forbidden("Cannot delete project " + id + ": it has child projects.");
        }
        assignments.deleteByTargetTypeAndTargetId(RoleAssignment.PROJECT, id);
        projects.delete(project);
        revocations.revokeProject(id);
    }
}
