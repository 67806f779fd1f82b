package io.kumo.network.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SecurityGroupRepository extends JpaRepository<SecurityGroup, String>,
        JpaSpecificationExecutor<SecurityGroup> {

    @Query("select g from SecurityGroup g where g.projectId = :projectId and g.defaultMarker = 1")
    Optional<SecurityGroup> findDefault(@Param("projectId") String projectId);

    List<SecurityGroup> findByIdIn(java.util.Collection<String> ids);

    long countByProjectId(String projectId);
}
