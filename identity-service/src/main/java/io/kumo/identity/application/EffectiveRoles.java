package io.kumo.identity.application;

import io.kumo.identity.domain.DomainRef;
import io.kumo.identity.domain.RoleGraph;
import io.kumo.identity.persistence.Domain;
import io.kumo.identity.persistence.Project;
import io.kumo.identity.persistence.ProjectRepository;
import io.kumo.identity.persistence.GroupMember;
import io.kumo.identity.persistence.GroupMemberRepository;
import io.kumo.identity.persistence.ImpliedRole;
import io.kumo.identity.persistence.ImpliedRoleRepository;
import io.kumo.identity.persistence.Role;
import io.kumo.identity.persistence.RoleAssignment;
import io.kumo.identity.persistence.RoleAssignmentRepository;
import io.kumo.identity.persistence.RoleRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The roles a user holds on a target: granted to them or to any of their groups, plus every role those
 * imply. This is what goes into a token.
 */
@Component
public class EffectiveRoles {


    private final RoleAssignmentRepository assignments;
    private final GroupMemberRepository members;
    private final ImpliedRoleRepository implications;
    private final RoleRepository roles;
    private final ProjectRepository projects;
    private final DomainCache domains;
    /**
     * Roles and their implications change only with role administration, yet every token needs them:
     * they are re-read every few seconds, and at once after a change through this replica.
     */
    private final ExpiringSnapshot<CachedGraph> graph = new ExpiringSnapshot<>(Duration.ofSeconds(5), this::loadGraph);

    EffectiveRoles(RoleAssignmentRepository assignments, GroupMemberRepository members,
            ImpliedRoleRepository implications, RoleRepository roles, ProjectRepository projects, DomainCache domains) {
        this.assignments = assignments;
        this.members = members;
        this.implications = implications;
        this.roles = roles;
        this.projects = projects;
        this.domains = domains;
    }

    public List<Role> of(String userId, String targetType, String targetId) {
        return effective(new LinkedHashSet<>(assignments.grantedRoleIds(userId, targetType, targetId)));
    }

    private List<Role> effective(Set<String> granted) {
        if (granted.isEmpty()) {
            return List.of();
        }
        CachedGraph cached = cached();
        List<Role> effective = new ArrayList<>();
        for (String id : cached.graph().expand(granted)) {
            Role role = cached.roles().get(id);
            if (role != null) {
                effective.add(role);
            }
        }
        return effective;
    }

    /** A project named by id, or by name in a domain, with the user's effective roles on it. */
    public Optional<ProjectAccess> onProject(String userId, String projectId, String projectName, DomainRef domain) {
        String domainId = projectId != null ? null : domains.byRef(domain).map(Domain::id).orElse(null);
        if (projectId == null && domainId == null) {
            return Optional.empty();
        }
        List<Object[]> rows = projects.findWithGrants(userId, projectId, domainId, projectName);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> granted = new LinkedHashSet<>();
        for (Object[] row : rows) {
            if (row[1] != null) {
                granted.add((String) row[1]);
            }
        }
        return Optional.of(new ProjectAccess((Project) rows.get(0)[0], effective(granted)));
    }

    /** A project and the roles a user holds on it. */
    public record ProjectAccess(Project project, List<Role> roles) {
    }

    /** Ids of the targets of a type (projects, domains) the user holds any role on. */
    public Set<String> targetsOf(String userId, String targetType) {
        Set<String> targets = new LinkedHashSet<>();
        assignments.findByActorTypeAndActorId(RoleAssignment.USER, userId).stream()
                .filter(a -> a.targetType().equals(targetType)).forEach(a -> targets.add(a.targetId()));
        List<String> groups = members.findByUserId(userId).stream().map(GroupMember::groupId).toList();
        if (!groups.isEmpty()) {
            assignments.findByActorTypeAndActorIdIn(RoleAssignment.GROUP, groups).stream()
                    .filter(a -> a.targetType().equals(targetType)).forEach(a -> targets.add(a.targetId()));
        }
        return targets;
    }

    /** Role ids plus every role they imply. */
    public Set<String> expand(java.util.Collection<String> roleIds) {
        return cached().graph().expand(roleIds);
    }

    /** After a role is created, renamed or deleted. */
    public void invalidate() {
        graph.invalidate();
    }

    private CachedGraph cached() {
        return graph.get();
    }

    private CachedGraph loadGraph() {
        Map<String, List<String>> implies = new HashMap<>();
        for (ImpliedRole rule : implications.findAll()) {
            implies.computeIfAbsent(rule.priorRoleId(), k -> new ArrayList<>()).add(rule.impliedRoleId());
        }
        Map<String, Role> byId = new HashMap<>();
        roles.findAll().forEach(r -> byId.put(r.id(), r));
        return new CachedGraph(new RoleGraph(implies), Map.copyOf(byId));
    }

    private record CachedGraph(RoleGraph graph, Map<String, Role> roles) {
    }
}
