package io.kumo.identity.persistence;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectLimitRepository extends JpaRepository<ProjectLimit, String> {

    Optional<ProjectLimit> findByProjectIdAndServiceIdAndRegionIdAndResourceName(String projectId, String serviceId,
            String regionId, String resourceName);
}
