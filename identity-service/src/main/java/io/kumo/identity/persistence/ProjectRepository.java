package io.kumo.identity.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProjectRepository extends JpaRepository<Project, String> {

    Optional<Project> findByDomainIdAndName(String domainId, String name);

    List<Project> findByIdIn(Collection<String> ids);

    boolean existsByDomainId(String domainId);

    List<Project> findByDomainId(String domainId);

    /**
     * A project named by id (when {@code projectId} is given) or by name in a domain, with the ids of the
     * roles the user holds on it directly or through a group — one row per role, one row with a null role
     * when none: the lookup every project-scoped token needs, in one round trip.
     */
    @Query("""
            select p, a.roleId from Project p
            left join RoleAssignment a on a.targetType = 'project' and a.targetId = p.id
              and ((a.actorType = 'user' and a.actorId = :userId)
                or (a.actorType = 'group' and a.actorId in
                      (select m.groupId from GroupMember m where m.userId = :userId)))
            where (:projectId is not null and p.id = :projectId)
               or (:projectId is null and p.domainId = :domainId and p.name = :name)""")
    List<Object[]> findWithGrants(@Param("userId") String userId, @Param("projectId") String projectId,
            @Param("domainId") String domainId, @Param("name") String name);

    boolean existsByParentId(String parentId);
}
