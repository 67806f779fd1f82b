package io.kumo.identity.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EndpointRepository extends JpaRepository<Endpoint, String> {

    List<Endpoint> findByServiceId(String serviceId);

    boolean existsByRegionId(String regionId);
}
