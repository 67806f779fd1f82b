package io.kumo.network.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SecurityGroupRuleRepository extends JpaRepository<SecurityGroupRule, String>,
        JpaSpecificationExecutor<SecurityGroupRule> {

    List<SecurityGroupRule> findBySecurityGroupIdInOrderByCreatedAt(Collection<String> securityGroupIds);

    Optional<SecurityGroupRule> findBySecurityGroupIdAndFingerprint(String securityGroupId, String fingerprint);

    long countByProjectId(String projectId);
}
