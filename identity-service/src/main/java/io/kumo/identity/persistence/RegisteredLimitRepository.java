package io.kumo.identity.persistence;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegisteredLimitRepository extends JpaRepository<RegisteredLimit, String> {

    Optional<RegisteredLimit> findByServiceIdAndRegionIdAndResourceName(String serviceId, String regionId,
            String resourceName);
}
