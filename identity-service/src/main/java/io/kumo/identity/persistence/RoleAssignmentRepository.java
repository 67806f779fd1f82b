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

    void deleteByActorTypeAndActorId(String actorType, String actorId);

    void deleteByTargetTypeAndTargetId(String targetType, String targetId);
}
