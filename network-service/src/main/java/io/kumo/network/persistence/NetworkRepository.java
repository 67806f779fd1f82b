package io.kumo.network.persistence;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NetworkRepository extends JpaRepository<Network, String>, JpaSpecificationExecutor<Network> {

    /** Serialises changes to a network's subnets (overlap checks). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Network n where n.id = :id")
    Optional<Network> lockById(@Param("id") String id);

    long countByProjectId(String projectId);
}
