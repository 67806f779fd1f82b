package io.kumo.scheduler.domain.filter;

import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingContext;
import io.kumo.scheduler.domain.SchedulingRequest;
import io.kumo.scheduler.domain.Traits;
import java.util.Locale;
import java.util.Set;

/**
 * The image's {@code hypervisor_type} must be one the host's driver runs: {@code kvm} needs COMPUTE_KVM,
 * {@code qemu} runs on COMPUTE_QEMU or COMPUTE_KVM hosts (a KVM host also emulates), {@code container}
 * (or {@code lxc}, {@code docker}) needs COMPUTE_CONTAINER. A VM image never lands on a container-only
 * host, nor a container image on a VM-only one.
 */
public final class ImagePropertiesFilter implements HostFilter {

    private static final Set<String> CONTAINER_TYPES = Set.of("container", "lxc", "docker", "oci");

    @Override
    public boolean appliesTo(SchedulingRequest request) {
        return request.hypervisorType() != null && !request.hypervisorType().isBlank();
    }

    @Override
    public String reject(HostState host, SchedulingRequest request, SchedulingContext context) {
        String type = request.hypervisorType();
        if (type == null || type.isBlank()) {
            return null;
        }
        Set<String> traits = host.provider().traits();
        String normalized = type.toLowerCase(Locale.ROOT);
        boolean runs;
        if (CONTAINER_TYPES.contains(normalized)) {
            runs = traits.contains(Traits.COMPUTE_CONTAINER);
        } else if (normalized.equals("kvm")) {
            runs = traits.contains(Traits.COMPUTE_KVM);
        } else if (normalized.equals("qemu")) {
            runs = traits.contains(Traits.COMPUTE_QEMU) || traits.contains(Traits.COMPUTE_KVM);
        } else {
            runs = false;
        }
        return runs ? null : "does not run hypervisor_type " + type;
    }
}
