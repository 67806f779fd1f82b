package io.kumo.network.application;

import io.kumo.common.client.UnifiedLimits;
import io.kumo.network.domain.NeutronException;
import io.kumo.network.persistence.NetworkRepository;
import io.kumo.network.persistence.PortRepository;
import io.kumo.network.persistence.SecurityGroupRepository;
import io.kumo.network.persistence.SecurityGroupRuleRepository;
import io.kumo.network.persistence.SubnetRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Neutron quotas from identity's unified limits ({@code network}, {@code subnet}, {@code port},
 * {@code security_group}, {@code security_group_rule}),
 * counting what each project really has. Going over is Neutron's 409 {@code OverQuota}.
 */
@Service
public class NetworkQuotas {

    static final List<String> RESOURCES = List.of("network", "subnet", "port", "security_group",
            "security_group_rule");
    private static final Logger log = LoggerFactory.getLogger(NetworkQuotas.class);

    private final UnifiedLimits limits;
    private final NetworkRepository networks;
    private final SubnetRepository subnets;
    private final PortRepository ports;
    private final SecurityGroupRepository securityGroups;
    private final SecurityGroupRuleRepository securityGroupRules;

    NetworkQuotas(ObjectProvider<UnifiedLimits> limits, NetworkRepository networks, SubnetRepository subnets,
            PortRepository ports, SecurityGroupRepository securityGroups, SecurityGroupRuleRepository securityGroupRules) {
        this.limits = limits.getIfAvailable();
        this.networks = networks;
        this.subnets = subnets;
        this.ports = ports;
        this.securityGroups = securityGroups;
        this.securityGroupRules = securityGroupRules;
        if (this.limits == null) {
            log.warn("No service credentials for identity (kumo.identity.*): network quotas are not enforced");
        }
    }

    /** Before creating one more {@code resource} in the project. */
    void checkOneMore(String project, String resource) {
        long limit = limit(project, resource);
        if (limit != UnifiedLimits.UNLIMITED && used(project, resource) + 1 > limit) {
            throw NeutronException.conflict("OverQuota", "Quota exceeded for resources: ['" + resource + "'].");
        }
    }

    /** {resource: limit} for {@code GET /v2.0/quotas/{project}} (-1 is unlimited). */
    @Transactional(readOnly = true)
    public Map<String, Usage> usage(Viewer viewer, String project) {
        if (!viewer.admin() && !project.equals(viewer.project())) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:get_quota is disallowed by policy");
        }
        Map<String, Usage> usage = new LinkedHashMap<>();
        for (String resource : RESOURCES) {
            usage.put(resource, new Usage(limit(project, resource), used(project, resource)));
        }
        return usage;
    }

    private long used(String project, String resource) {
        return switch (resource) {
            case "network" -> networks.countByProjectId(project);
            case "subnet" -> subnets.countByProjectId(project);
            case "security_group" -> securityGroups.countByProjectId(project);
            case "security_group_rule" -> securityGroupRules.countByProjectId(project);
            default -> ports.countByProjectId(project);
        };
    }

    private long limit(String project, String resource) {
        if (limits == null) {
            return UnifiedLimits.UNLIMITED;
        }
        try {
            return limits.limit(project, resource);
        } catch (RuntimeException e) {
            log.warn("Could not read the {} limit of project {}: {}", resource, project, e.toString());
            throw new NeutronException(503, "ServiceUnavailable",
                    "The quota could not be checked because identity is unreachable; retry later.");
        }
    }

    /** A resource's limit (-1: unlimited) and what the project uses. */
    public record Usage(long limit, long used) {
    }
}
