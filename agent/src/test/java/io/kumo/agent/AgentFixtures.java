package io.kumo.agent;

import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.ServerCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Commands as compute-service sends them, for the agent's tests. */
public final class AgentFixtures {

    private AgentFixtures() {
    }

    public static BuildServer build(String host, String name, int ports) {
        return build(UUID.randomUUID().toString(), host, name, ports, 1);
    }

    public static BuildServer build(String instanceUuid, String host, String name, int ports, int attempt) {
        List<BuildServer.PortSpec> specs = new ArrayList<>();
        for (int i = 0; i < ports; i++) {
            specs.add(new BuildServer.PortSpec(UUID.randomUUID().toString(), "net-" + i,
                    String.format("fa:16:3e:00:00:%02x", i + 1),
                    List.of(new BuildServer.FixedIp("subnet-" + i, "10.0." + i + ".5")), "brq" + i, 1500, "vxlan",
                    100 + i, null));
        }
        return new BuildServer(instanceUuid, host, "project-1", name, name,
                new BuildServer.FlavorSpec("f1", "m1.tiny", 1, 512, 1, 0, 0, Map.of()),
                new BuildServer.ImageSpec("img-1", "cirros", "qcow2", "bare", 1024, "abc", Map.of()), "qemu", specs,
                new BuildServer.ConfigDrive(Map.of("openstack/latest/meta_data.json", "{\"uuid\":\"" + instanceUuid + "\"}",
                        "openstack/latest/user_data", "I2Nsb3VkLWNvbmZpZw==")),
                attempt, "req-" + instanceUuid);
    }

    /** The server of {@code build} as a rebuild describes it: a new name and image, the same ports. */
    public static BuildServer rebuilt(BuildServer build, String name, String imageId) {
        return new BuildServer(build.instanceUuid(), build.host(), build.projectId(), name, build.hostname(),
                build.flavor(), new BuildServer.ImageSpec(imageId, "other", "qcow2", "bare", 2048, "def", Map.of()),
                build.hypervisorType(), build.ports(), new BuildServer.ConfigDrive(Map.of(
                        "openstack/latest/meta_data.json", "{\"uuid\":\"" + build.instanceUuid() + "\",\"name\":\""
                                + name + "\"}")), build.attempt(), build.requestId());
    }

    public static ServerCommand command(String instanceUuid, String host, ServerCommand.Action action) {
        return new ServerCommand(instanceUuid, host, action, "req-" + UUID.randomUUID());
    }
}
