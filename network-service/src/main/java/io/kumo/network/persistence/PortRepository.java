package io.kumo.network.persistence;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface PortRepository extends JpaRepository<Port, String>, JpaSpecificationExecutor<Port> {

    /** The port's status, if it is not that already; the guarded update a status report makes. */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true, flushAutomatically = true)
    @org.springframework.data.jpa.repository.Query("""
            update Port p set p.status = :status, p.updatedAt = :now, p.revision = p.revision + 1
            where p.id = :id and p.status <> :status""")
    int changeStatus(@org.springframework.data.repository.query.Param("id") String id,
            @org.springframework.data.repository.query.Param("status") String status,
            @org.springframework.data.repository.query.Param("now") java.time.Instant now);

    boolean existsByMacAddress(String macAddress);

    long countByNetworkId(String networkId);

    long countByProjectId(String projectId);
}
