package io.kumo.network.persistence;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface PortRepository extends JpaRepository<Port, String>, JpaSpecificationExecutor<Port> {

    boolean existsByMacAddress(String macAddress);

    long countByNetworkId(String networkId);

    long countByProjectId(String projectId);
}
