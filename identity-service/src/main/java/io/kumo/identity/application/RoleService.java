package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.Ids;
import io.kumo.identity.persistence.ApplicationCredentialRepository;
import io.kumo.identity.persistence.Role;
import io.kumo.identity.persistence.RoleAssignment;
import io.kumo.identity.persistence.RoleAssignmentRepository;
import io.kumo.identity.persistence.RoleRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RoleService {

    private final RoleRepository roles;
    private final RoleAssignmentRepository assignments;
    private final AssignmentService assignmentService;
    private final EffectiveRoles effectiveRoles;
    private final ApplicationCredentialRepository applicationCredentials;
    private final RevocationService revocations;

    RoleService(RoleRepository roles, RoleAssignmentRepository assignments, AssignmentService assignmentService,
            EffectiveRoles effectiveRoles, ApplicationCredentialRepository applicationCredentials,
            RevocationService revocations) {
        this.roles = roles;
        this.assignments = assignments;
        this.assignmentService = assignmentService;
        this.effectiveRoles = effectiveRoles;
        this.applicationCredentials = applicationCredentials;
        this.revocations = revocations;
    }

    @Transactional(readOnly = true)
    public List<Role> list(String name) {
        return name == null ? roles.findAll() : roles.findByName(name).stream().toList();
    }

    @Transactional(readOnly = true)
    public Role get(String id) {
        return roles.findById(id).orElseThrow(() -> ApiException.notFound("role", id));
    }

    @Transactional
    public Role create(String name, String description) {
        Names.require(name, "role", 255);
        if (roles.findByName(name).isPresent()) {
            throw ApiException.conflict("Conflict occurred attempting to store role - Duplicate entry found with name "
                    + name + ".");
        }
        Role created = roles.save(new Role(Ids.newId(), name, description));
        AfterCommit.run(effectiveRoles::invalidate);
        return created;
    }

    @Transactional
    public Role update(String id, String name, String description) {
        Role role = get(id);
        if (name != null && !name.equals(role.name()) && roles.findByName(name).isPresent()) {
            throw ApiException.conflict("Conflict occurred attempting to store role - Duplicate entry found with name "
                    + name + ".");
        }
        boolean renamed = name != null && !name.equals(role.name());
        role.update(name, description);
        if (renamed) {
            // tokens carry role names and policy reads them: tokens with the old name must go
            assignments.findByRoleId(id).forEach(a -> revokeHolders(a));
        }
        AfterCommit.run(effectiveRoles::invalidate);
        return role;
    }

    /** Deleting a role takes it away from everyone who had it, and their tokens with it. */
    @Transactional
    public void delete(String id) {
        Role role = get(id);
        for (RoleAssignment assignment : assignments.findByRoleId(id)) {
            assignmentService.revoke(assignment.actorType(), assignment.actorId(), assignment.targetType(),
                    assignment.targetId(), id);
        }
        applicationCredentials.removeRole(id);
        roles.delete(role);
        AfterCommit.run(effectiveRoles::invalidate);
    }

    private void revokeHolders(RoleAssignment assignment) {
        if (assignment.actorType().equals(RoleAssignment.USER)) {
            revocations.revokeUser(assignment.actorId());
        } else {
            assignmentService.membersOf(assignment.actorId()).forEach(revocations::revokeUser);
        }
    }
}
