package io.kumo.network.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface IpAllocationRepository extends JpaRepository<IpAllocation, IpAllocation.Key> {

    @Query("select a from IpAllocation a where a.portId in :portIds order by a.key.subnetId, a.key.ipAddress")
    List<IpAllocation> findByPorts(@Param("portIds") Collection<String> portIds);

    @Query("select count(a) from IpAllocation a where a.key.subnetId = :subnetId")
    long countBySubnet(@Param("subnetId") String subnetId);
}
