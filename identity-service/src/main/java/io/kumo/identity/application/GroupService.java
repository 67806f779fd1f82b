package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.Ids;
import io.kumo.identity.persistence.Group;
import io.kumo.identity.persistence.GroupMember;
import io.kumo.identity.persistence.GroupMemberRepository;
import io.kumo.identity.persistence.GroupRepository;
import io.kumo.identity.persistence.RoleAssignment;
import io.kumo.identity.persistence.RoleAssignmentRepository;
import io.kumo.identity.persistence.User;
import io.kumo.identity.persistence.UserRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Groups and membership; leaving a group revokes the member's tokens, which may carry its roles. */
@Service
public class GroupService {

    private final GroupRepository groups;
    private final GroupMemberRepository members;
    private final UserRepository users;
    private final Directory directory;
    private final RoleAssignmentRepository assignments;
    private final RevocationService revocations;

    GroupService(GroupRepository groups, GroupMemberRepository members, UserRepository users, Directory directory,
            RoleAssignmentRepository assignments, RevocationService revocations) {
        this.groups = groups;
        this.members = members;
        this.users = users;
        this.directory = directory;
        this.assignments = assignments;
        this.revocations = revocations;
    }

    @Transactional(readOnly = true)
    public List<Group> list(String domainId, String name) {
        return groups.findAll().stream()
                .filter(g -> domainId == null || g.domainId().equals(domainId))
                .filter(g -> name == null || g.name().equals(name))
                .toList();
    }

    @Transactional(readOnly = true)
    public Group get(String id) {
        return groups.findById(id).orElseThrow(() -> ApiException.notFound("group", id));
    }

    @Transactional
    public Group create(String name, String domainId, String description) {
        Names.require(name, "group", 255);
        String domain = domainId == null ? "default" : domainId;
        directory.requireDomain(domain);
        if (groups.findByDomainIdAndName(domain, name).isPresent()) {
            throw ApiException.conflict("Conflict occurred attempting to store group - Duplicate entry found with name "
                    + name + ".");
        }
        return groups.save(new Group(Ids.newId(), name, domain, description));
    }

    @Transactional
    public Group update(String id, String name, String description) {
        Group group = get(id);
        group.update(name, description);
        return group;
    }

    @Transactional
    public void delete(String id) {
        Group group = get(id);
        List<GroupMember> current = members.findByGroupId(id);
        assignments.deleteByActorTypeAndActorId(RoleAssignment.GROUP, id);
        members.deleteAll(current);
        groups.delete(group);
        current.forEach(m -> revocations.revokeUser(m.userId()));
    }

    @Transactional
    public void addUser(String groupId, String userId) {
        get(groupId);
        directory.requireUser(userId);
        if (!members.existsById(new GroupMember.Key(groupId, userId))) {
            members.save(new GroupMember(groupId, userId));
        }
    }

    @Transactional
    public void removeUser(String groupId, String userId) {
        get(groupId);
        directory.requireUser(userId);
        GroupMember.Key key = new GroupMember.Key(groupId, userId);
        if (!members.existsById(key)) {
            throw ApiException.notFound("User " + userId + " is not a member of group " + groupId + ".");
        }
        members.deleteById(key);
        revocations.revokeUser(userId);
    }

    @Transactional(readOnly = true)
    public boolean isMember(String groupId, String userId) {
        get(groupId);
        directory.requireUser(userId);
        return members.existsById(new GroupMember.Key(groupId, userId));
    }

    @Transactional(readOnly = true)
    public List<User> usersOf(String groupId) {
        get(groupId);
        return users.findAllById(members.findByGroupId(groupId).stream().map(GroupMember::userId).toList());
    }

    @Transactional(readOnly = true)
    public List<Group> groupsOf(String userId) {
        directory.requireUser(userId);
        return groups.findAllById(members.findByUserId(userId).stream().map(GroupMember::groupId).toList());
    }
}
