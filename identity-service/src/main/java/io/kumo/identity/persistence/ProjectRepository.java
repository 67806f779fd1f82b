package io.kumo.identity.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectRepository extends JpaRepository<Project, String> {

    Optional<Project> findByDomainIdAndName(String domainId, String name);

    List<Project> findByIdIn(Collection<String> ids);

    boolean existsByDomainId(String domainId);

    List<Project> findByDomainId(String domainId);

    boolean existsByParentId(String parentId);
}
