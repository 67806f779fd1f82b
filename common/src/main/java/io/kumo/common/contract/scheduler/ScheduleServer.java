package io.kumo.common.contract.scheduler;

import io.kumo.common.contract.MessageType;
import java.util.List;
import java.util.Map;

/**
 * compute-service asks for a host for one server: on {@code kumo.scheduler.requests} with routing key
 * {@code schedule}. The scheduler claims the chosen host's resources in placement (the server's uuid
 * is the consumer) and answers {@link ServerScheduled} or {@link NoValidHost} on {@code kumo.compute.events}.
 *
 * @param resources        resource class to amount (VCPU, MEMORY_MB, DISK_GB) from the flavor
 * @param requiredTraits   traits the host must have (COMPUTE_CONTAINER for a container image)
 * @param forbiddenTraits  traits the host must not have
 * @param memberOf         aggregate uuids; the host must be in at least one of them (empty: any)
 * @param availabilityZone the zone asked for, or null for any
 * @param hypervisorType   the image's {@code hypervisor_type} property (qemu, kvm, container), or null
 * @param flavorExtraSpecs the flavor's extra specs (aggregate_instance_extra_specs:* are matched)
 * @param group            the server group the server is in, or null
 * @param sameHost         scheduler hint: servers whose host this one must share
 * @param differentHost    scheduler hint: servers whose hosts this one must avoid
 * @param ignoreHosts      hosts already tried for this server (a reschedule)
 * @param attempt          1 for the first try, 2 and 3 for reschedules
 */
@MessageType(name = "ScheduleServer", version = 1)
public record ScheduleServer(String instanceUuid, String projectId, String userId, Map<String, Integer> resources,
        List<String> requiredTraits, List<String> forbiddenTraits, List<String> memberOf, String availabilityZone,
        String hypervisorType, Map<String, String> flavorExtraSpecs, ServerGroupSpec group, List<String> sameHost,
        List<String> differentHost, List<String> ignoreHosts, int attempt, String requestId) {

    public static final String ROUTING_KEY = "schedule";

    public ScheduleServer {
        resources = resources == null ? Map.of() : Map.copyOf(resources);
        requiredTraits = requiredTraits == null ? List.of() : List.copyOf(requiredTraits);
        forbiddenTraits = forbiddenTraits == null ? List.of() : List.copyOf(forbiddenTraits);
        memberOf = memberOf == null ? List.of() : List.copyOf(memberOf);
        flavorExtraSpecs = flavorExtraSpecs == null ? Map.of() : Map.copyOf(flavorExtraSpecs);
        sameHost = sameHost == null ? List.of() : List.copyOf(sameHost);
        differentHost = differentHost == null ? List.of() : List.copyOf(differentHost);
        ignoreHosts = ignoreHosts == null ? List.of() : List.copyOf(ignoreHosts);
    }
}
