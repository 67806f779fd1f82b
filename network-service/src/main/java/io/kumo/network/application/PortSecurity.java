package io.kumo.network.application;

import io.kumo.network.domain.InvalidNetworkInput;
import io.kumo.network.persistence.Port;
import io.kumo.network.persistence.PortSecurityGroup;
import io.kumo.network.persistence.PortSecurityGroupRepository;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The security groups of ports: the ones asked for (each visible to the caller), else — with port
 * security on — the owner's default group. A port without port security has none.
 */
@Component
class PortSecurity {

    private final PortSecurityGroupRepository portGroups;
    private final SecurityGroupService groups;
    private final DefaultSecurityGroups defaults;

    PortSecurity(PortSecurityGroupRepository portGroups, SecurityGroupService groups, DefaultSecurityGroups defaults) {
        this.portGroups = portGroups;
        this.groups = groups;
        this.defaults = defaults;
    }

    void apply(Viewer viewer, Port port, List<String> asked) {
        boolean secured = port.attributes().portSecurityEnabled();
        if (!secured) {
            if (asked != null && !asked.isEmpty()) {
                throw new InvalidNetworkInput("Port security must be enabled to have security groups on a port.");
            }
            return;
        }
        List<String> ids = asked != null ? groups.requireUsable(viewer, asked.stream().distinct().toList())
                : List.of(defaults.ensure(port.projectId()));
        for (String id : ids) {
            portGroups.save(new PortSecurityGroup(port.id(), id));
        }
    }

    void replace(Viewer viewer, Port port, List<String> asked) {
        portGroups.deleteAll(portGroups.findByPorts(List.of(port.id())));
        portGroups.flush();
        apply(viewer, port, asked);
    }

    Map<String, List<String>> groupsOf(Collection<String> portIds) {
        if (portIds.isEmpty()) {
            return Map.of();
        }
        return portGroups.findByPorts(portIds).stream().collect(Collectors.groupingBy(PortSecurityGroup::portId,
                Collectors.mapping(PortSecurityGroup::securityGroupId, Collectors.toList())));
    }
}
