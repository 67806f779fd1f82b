package io.kumo.network.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PortSecurityGroupRepository extends JpaRepository<PortSecurityGroup, PortSecurityGroup.Key> {

    @Query("select p from PortSecurityGroup p where p.key.portId in :portIds")
    List<PortSecurityGroup> findByPorts(@Param("portIds") Collection<String> portIds);

    @Query("select count(p) from PortSecurityGroup p where p.key.securityGroupId = :groupId")
    long countByGroup(@Param("groupId") String groupId);
}
