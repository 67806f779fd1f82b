package io.kumo.identity.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RoleAssignmentRepository extends JpaRepository<RoleAssignment, Long> {

    Optional<RoleAssignment> findByActorTypeAndActorIdAndTargetTypeAndTargetIdAndRoleId(String actorType,
            String actorId, String targetType, String targetId, String roleId);

    List<RoleAssignment> findByActorTypeAndActorIdInAndTargetTypeAndTargetId(String actorType,
            Collection<String> actorIds, String targetType, String targetId);

    List<RoleAssignment> findByActorTypeAndActorIdIn(String actorType, Collection<String> actorIds);

    List<RoleAssignment> findByActorTypeAndActorId(String actorType, String actorId);

    List<RoleAssignment> findByTargetTypeAndTargetId(String targetType, String targetId);

    List<RoleAssignment> findByRoleId(String roleId);

    /** Role ids granted on a target to the user directly or to any group the user belongs to. */
    @org.springframework.data.jpa.repository.Query("""
            select a.roleId from RoleAssignment a
            where a.targetType = :targetType and a.targetId = :targetId
              and ((a.actorType = 'user' and a.actorId = :userId)
                or (a.actorType = 'group' and a.actorId in
                      (select m.groupId from GroupMember m where m.userId = :userId)))""")
    List<String> grantedRoleIds(@org.springframework.data.repository.query.Param("userId") String userId,
            @org.springframework.data.repository.query.Param("targetType") String targetType,
            @org.springframework.data.repository.query.Param("targetId") String targetId);

    void deleteByActorTypeAndActorId(String actorType, String actorId);

    void deleteByTargetTypeAndTargetId(String targetType, String targetId);
}
