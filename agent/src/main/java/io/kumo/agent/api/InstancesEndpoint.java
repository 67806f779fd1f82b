package io.kumo.agent.api;

import io.kumo.agent.application.ServedHosts;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.PowerState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/instances}: what runs on each host this process serves, as its driver sees it —
 * for an operator comparing the hypervisor with compute-service's view, and for tests of the control plane
 * against fake hosts. Config drive contents are left out: they hold user data and keys.
 */
@Component
@Endpoint(id = "instances")
class InstancesEndpoint {

    private final ServedHosts hosts;

    InstancesEndpoint(ServedHosts hosts) {
        this.hosts = hosts;
    }

    @ReadOperation
    public Map<String, List<InstanceView>> instances() {
        Map<String, List<InstanceView>> view = new LinkedHashMap<>();
        for (ServedHost host : hosts.all()) {
            view.put(host.name(), host.driver().instances().stream().map(InstanceView::of).toList());
        }
        return view;
    }

    /** One instance: its identity, power state, the MACs of its NICs and the files of its config drive. */
    public record InstanceView(String uuid, String name, PowerState powerState, List<String> portMacs,
            List<String> configDriveFiles) {

        static InstanceView of(InstanceInfo instance) {
            return new InstanceView(instance.uuid(), instance.name(), instance.powerState(),
                    instance.ports().stream().map(BuildServer.PortSpec::macAddress).toList(),
                    instance.configDriveFiles().keySet().stream().sorted().toList());
        }
    }
}
