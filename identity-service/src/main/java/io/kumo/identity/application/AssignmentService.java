package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.persistence.GroupMember;
import io.kumo.identity.persistence.GroupMemberRepository;
import io.kumo.identity.persistence.GroupRepository;
import io.kumo.identity.persistence.RoleAssignment;
import io.kumo.identity.persistence.RoleAssignmentRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Role assignments: grant, check, revoke and query. Taking a role away revokes the tokens that
 * could carry it (the user's on that target; every member's for a group).
 */
@Service
public class AssignmentService {

    private final RoleAssignmentRepository assignments;
    private final GroupRepository groups;
    private final GroupMemberRepository members;
    private final Directory directory;
    private final RevocationService revocations;

    AssignmentService(RoleAssignmentRepository assignments, GroupRepository groups, GroupMemberRepository members,
            Directory directory, RevocationService revocations) {
        this.assignments = assignments;
        this.groups = groups;
        this.members = members;
        this.directory = directory;
        this.revocations = revocations;
    }

    @Transactional
    public void grant(String actorType, String actorId, String targetType, String targetId, String roleId) {
        requireParties(actorType, actorId, targetType, targetId, roleId);
        if (find(actorType, actorId, targetType, targetId, roleId) == null) {
            assignments.save(new RoleAssignment(actorType, actorId, targetType, targetId, roleId));
        }
    }

    @Transactional(readOnly = true)
    public boolean exists(String actorType, String actorId, String targetType, String targetId, String roleId) {
        requireParties(actorType, actorId, targetType, targetId, roleId);
        return find(actorType, actorId, targetType, targetId, roleId) != null;
    }

    @Transactional
    public void revoke(String actorType, String actorId, String targetType, String targetId, String roleId) {
        requireParties(actorType, actorId, targetType, targetId, roleId);
        RoleAssignment assignment = find(actorType, actorId, targetType, targetId, roleId);
        if (assignment == null) {
            throw ApiException.notFound("Could not find role assignment with role: " + roleId + ", " + actorType + ": "
                    + actorId + ", " + targetType + ": " + targetId + ".");
        }
        assignments.delete(assignment);
        List<String> affectedUsers = actorType.equals(RoleAssignment.USER) ? List.of(actorId)
                : members.findByGroupId(actorId).stream().map(GroupMember::userId).toList();
        for (String userId : affectedUsers) {
            if (targetType.equals(RoleAssignment.PROJECT)) {
                revocations.revokeUserOnProject(userId, targetId);
            } else {
                revocations.revokeUser(userId);
            }
        }
    }

    List<String> membersOf(String groupId) {
        return members.findByGroupId(groupId).stream().map(GroupMember::userId).toList();
    }

    /** Assignments of one actor on one target, for {@code GET /v3/projects/{p}/users/{u}/roles}. */
    @Transactional(readOnly = true)
    public List<RoleAssignment> on(String actorType, String actorId, String targetType, String targetId) {
        requireActor(actorType, actorId);
        requireTarget(targetType, targetId);
        return assignments.findByActorTypeAndActorIdInAndTargetTypeAndTargetId(actorType, List.of(actorId), targetType,
                targetId);
    }

    /**
     * {@code GET /v3/role_assignments}: filtered; with {@code effective}, group assignments are replaced
     * by one per member, as the roles a user actually gets.
     */
    @Transactional(readOnly = true)
    public List<RoleAssignment> query(AssignmentQuery q) {
        List<RoleAssignment> result = new ArrayList<>();
        for (RoleAssignment a : assignments.findAll()) {
            if (q.effective() && a.actorType().equals(RoleAssignment.GROUP)) {
                for (GroupMember member : members.findByGroupId(a.actorId())) {
                    result.add(new RoleAssignment(RoleAssignment.USER, member.userId(), a.targetType(), a.targetId(),
                            a.roleId()));
                }
            } else {
                result.add(a);
            }
        }
        return result.stream().filter(q::matches).toList();
    }

    private RoleAssignment find(String actorType, String actorId, String targetType, String targetId, String roleId) {
        return assignments.findByActorTypeAndActorIdAndTargetTypeAndTargetIdAndRoleId(actorType, actorId, targetType,
                targetId, roleId).orElse(null);
    }

    private void requireParties(String actorType, String actorId, String targetType, String targetId, String roleId) {
        requireActor(actorType, actorId);
        requireTarget(targetType, targetId);
        directory.requireRole(roleId);
    }

    private void requireActor(String actorType, String actorId) {
        if (actorType.equals(RoleAssignment.USER)) {
            directory.requireUser(actorId);
        } else if (groups.findById(actorId).isEmpty()) {
            throw ApiException.notFound("group", actorId);
        }
    }

    private void requireTarget(String targetType, String targetId) {
        if (targetType.equals(RoleAssignment.PROJECT)) {
            directory.requireProject(targetId);
        } else if (targetType.equals(RoleAssignment.DOMAIN)) {
            directory.requireDomain(targetId);
        }
    }

    /** Filters of {@code GET /v3/role_assignments}; null means "any". */
    public record AssignmentQuery(String userId, String groupId, String roleId, String projectId, String domainId,
            boolean systemOnly, boolean effective) {

        boolean matches(RoleAssignment a) {
            return (userId == null || (a.actorType().equals(RoleAssignment.USER) && a.actorId().equals(userId)))
                    && (groupId == null || (a.actorType().equals(RoleAssignment.GROUP) && a.actorId().equals(groupId)))
                    && (roleId == null || a.roleId().equals(roleId))
                    && (projectId == null || (a.targetType().equals(RoleAssignment.PROJECT) && a.targetId().equals(projectId)))
                    && (domainId == null || (a.targetType().equals(RoleAssignment.DOMAIN) && a.targetId().equals(domainId)))
                    && (!systemOnly || a.targetType().equals(RoleAssignment.SYSTEM));
        }
    }
}
