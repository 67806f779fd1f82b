package io.kumo.network.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SubnetRepository extends JpaRepository<Subnet, String>, JpaSpecificationExecutor<Subnet> {

    List<Subnet> findByNetworkIdOrderByCreatedAt(String networkId);

    long countByProjectId(String projectId);
}
