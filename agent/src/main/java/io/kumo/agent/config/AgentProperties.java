package io.kumo.agent.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The agent's settings, under {@code agent.*}; the allocation ratios are named as Nova's options.
 *
 * @param host               this host's name, unique in the deployment (default: the machine's host name)
 * @param availabilityZone   the zone the host is announced in
 * @param hostIp             the address the host is managed at, shown in os-hypervisors (Nova's
 *                           {@code my_ip}; default: the address of the interface of the default route)
 * @param driver             the hypervisor driver ({@code fake}, {@code runc} or {@code libvirt}); required, since the
 *                           fake driver must never run by accident on a real host
 * @param imageUrl           image-service, where real drivers read and download images with the agent's service
 *                           user ({@code kumo.identity.*})
 * @param networkUrl         network-service, where real drivers read the ports' security groups (same user)
 * @param securityGroups     enforce security groups and anti-spoofing on real drivers' ports (nftables)
 * @param imageCacheMaxGb    real drivers' image cache bound: least recently used images (not in use) above it go
 * @param announceInterval   how often the hosts are announced again (besides at start-up)
 * @param heartbeatInterval  how often each host heartbeats; the scheduler calls it down after 60 s
 * @param powerSyncInterval  how often the instances' power states are read and changes reported (Nova's
 *                           {@code sync_power_state_interval}); orphans are looked for as often
 * @param removeOrphans      remove guests no instance record accounts for (else they are only reported)
 * @param commandConcurrency commands handled at once by this process (across all its hosts)
 * @param cpuAllocationRatio guests' vCPUs per host CPU
 * @param ramAllocationRatio guests' memory per host memory
 * @param diskAllocationRatio guests' disk per host disk
 * @param volume             the storage role: volume backends on this host, for volume-service
 */
@Validated
@ConfigurationProperties("agent")
public record AgentProperties(
        @NotBlank String host,
        @DefaultValue("nova") @NotBlank String availabilityZone,
        @NotBlank String hostIp,
        @DefaultValue("") String driver,
        @DefaultValue("http://127.0.0.1:9292") String imageUrl,
        @DefaultValue("http://127.0.0.1:9696") String networkUrl,
        @DefaultValue("true") boolean securityGroups,
        @DefaultValue("50") @Min(1) int imageCacheMaxGb,
        @DefaultValue("10m") Duration announceInterval,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration powerSyncInterval,
        @DefaultValue("false") boolean removeOrphans,
        @DefaultValue("2") @Min(1) int commandConcurrency,
        @DefaultValue("16.0") @Positive double cpuAllocationRatio,
        @DefaultValue("1.5") @Positive double ramAllocationRatio,
        @DefaultValue("1.0") @Positive double diskAllocationRatio,
        @DefaultValue @Valid Publish publish,
        @DefaultValue @Valid Fake fake,
        @DefaultValue @Valid Runc runc,
        @DefaultValue @Valid Libvirt libvirt,
        @DefaultValue @Valid Network network,
        @DefaultValue @Valid Volume volume) {

    /** The hosts this process serves: {@code host}, or {@code host-1} … {@code host-N} for N fake hosts. */
    public List<String> servedHostNames() {
        return ServedHostNames.of(host, driver, fake.hosts());
    }

    /**
     * The storage role (Cinder's volume service on a host). The storage host is {@code agent.host} itself, also
     * when the process simulates several fake hypervisor hosts; its name is bound as a routing key of the
     * command queue when it has a backend.
     *
     * @param backends         the volume backends, each {@code <name>:<driver>:<target>}: the name volume types
     *                         choose it by ({@code volume_backend_name}; letters, digits, {@code . _ -}), the
     *                         driver, and what the driver keeps volumes in — for {@code file}, an existing
     *                         directory by its absolute path (local, or an NFS export mounted by the operator),
     *                         e.g. {@code nfs-1:file:/srv/kumo/volumes}. Empty (the default): no storage host.
     *                         An unknown driver or a malformed entry fails start-up
     * @param announceInterval how often the backends and their free space are announced again (besides at
     *                         start-up)
     * @param imageCacheDir    where images that volumes are made from are cached (a local directory; bounded by
     *                         {@code agent.image-cache-max-gb})
     * @param copyTimeout      how long one copy (clone, snapshot) or image conversion may take
     */
    public record Volume(@DefaultValue({}) List<String> backends, @DefaultValue("30s") Duration announceInterval,
            @DefaultValue("/var/lib/kumo/volume-images") String imageCacheDir,
            @DefaultValue("4h") Duration copyTimeout) {
    }

    /**
     * How events are sent: each waits up to {@code confirmTimeout} for the broker's confirm; unconfirmed
     * ones are resent after {@code initialBackoff}, doubling up to {@code maxBackoff}.
     */
    public record Publish(@DefaultValue("5s") Duration confirmTimeout, @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("10s") Duration maxBackoff) {
    }

    /**
     * The {@code fake} driver's hosts.
     *
     * @param hosts           how many hosts this process simulates; more than 1 names them {@code <host>-<i>}
     * @param hypervisorTypes qemu, kvm and/or container, announced as COMPUTE_QEMU/KVM/CONTAINER traits
     * @param spawnDelay      how long a build takes
     * @param failBuildNames  servers whose whole name matches this regular expression fail to build
     *                        (retryable), for tests; empty: none
     */
    /**
     * The {@code runc} driver's containers.
     *
     * @param stateDir         instances, image cache and runc state (mode 0711: containers' mapped roots pass
     *                         through it)
     * @param binary           the OCI runtime
     * @param idRangeFirst     first host uid/gid of the containers' 65,536-id ranges
     * @param idRangeCount     containers at most (ranges)
     * @param defaultPidsLimit processes per container unless the flavor sets {@code kumo:pids_limit}
     * @param defaultDiskGb    root disk of a flavor with {@code disk} 0
     * @param stopTimeout      grace between SIGTERM and SIGKILL on stop
     * @param vcpus            CPUs offered (0: the host's); memoryMb and diskGb likewise (0: the host's
     *                         memory, the state dir's free disk)
     * @param storage          root filesystems: {@code btrfs} (a snapshot per container of a subvolume per
     *                         image, quota-limited), {@code ext4} (a loop-mounted disk image per container) or
     *                         {@code auto} (btrfs when its pool can be set up)
     * @param btrfsPoolDevice  a block device for the btrfs pool (formatted by the operator); empty: a sparse
     *                         file {@code btrfs-pool.img} in the state dir
     * @param btrfsPoolGb      that file's size (0: diskGb)
     */
    public record Runc(@DefaultValue("/var/lib/kumo/agent") String stateDir, @DefaultValue("runc") String binary,
            @DefaultValue("1000000") @Min(65536) long idRangeFirst, @DefaultValue("1000") @Min(1) int idRangeCount,
            @DefaultValue("512") @Min(16) int defaultPidsLimit, @DefaultValue("1") @Min(1) int defaultDiskGb,
            @DefaultValue("10s") Duration stopTimeout,
            @DefaultValue("0") @Min(0) int vcpus, @DefaultValue("0") @Min(0) int memoryMb,
            @DefaultValue("0") @Min(0) int diskGb, @DefaultValue("auto") String storage,
            @DefaultValue("") String btrfsPoolDevice, @DefaultValue("0") @Min(0) int btrfsPoolGb) {
    }

    /**
     * The {@code libvirt} driver's VMs.
     *
     * @param uri             the libvirt connection
     * @param stateDir        instances (qcow2 overlay, config drive ISO, console log, domain XML, record) and the
     *                        image cache; mode 0711, as QEMU's own user passes through it
     * @param domainType      {@code kvm}, {@code qemu} (TCG) or {@code auto}: kvm when a bounded test boot under
     *                        KVM finishes, else qemu
     * @param kvmProbeTimeout how long that test boot may take before KVM is judged not to work
     * @param probeKernel     the kernel the test boot runs (empty: the newest /boot/vmlinuz-*)
     * @param machine         the QEMU machine type
     * @param stopTimeout     how long a guest has to power off on the ACPI power button before it is destroyed
     * @param defaultDiskGb   root disk of a flavor with {@code disk} 0
     * @param vcpus           CPUs offered (0: the host's); memoryMb and diskGb likewise
     */
    public record Libvirt(@DefaultValue("qemu:///system") String uri,
            @DefaultValue("/var/lib/kumo/libvirt") String stateDir, @DefaultValue("auto") String domainType,
            @DefaultValue("15s") Duration kvmProbeTimeout, @DefaultValue("") String probeKernel,
            @DefaultValue("pc") String machine, @DefaultValue("30s") Duration stopTimeout,
            @DefaultValue("1") @Min(1) int defaultDiskGb, @DefaultValue("0") @Min(0) int vcpus,
            @DefaultValue("0") @Min(0) int memoryMb, @DefaultValue("0") @Min(0) int diskGb) {
    }

    /**
     * How the host's bridges reach the other hosts (Neutron's Linux bridge agent options).
     *
     * @param namespace                 the network namespace bridges and NICs' host ends live in (runc only;
     *                                  empty: the host's own) — several agents on one machine as separate hosts
     * @param tunnelIp                  the local VTEP address of vxlan networks (empty: no vxlan networks here)
     * @param tunnelInterface           the device VXLAN leaves by, for the multicast group (empty: no group)
     * @param vxlanGroup                the multicast group for unknown destinations
     * @param vxlanPort                 the VXLAN UDP port
     * @param physicalInterfaceMappings {@code physnet:interface} pairs, for flat and vlan networks
     * @param vxlanPeers                the other hosts' tunnel addresses, for underlays without multicast: unknown
     *                                  destinations are sent to each by unicast instead of to the group
     */
    public record Network(@DefaultValue("") String namespace, @DefaultValue("") String tunnelIp,
            @DefaultValue("") String tunnelInterface, @DefaultValue("239.1.1.1") String vxlanGroup,
            @DefaultValue("4789") int vxlanPort, @DefaultValue({}) List<String> physicalInterfaceMappings,
            @DefaultValue({}) List<String> vxlanPeers) {
    }

    public record Fake(@DefaultValue("1") @Min(1) int hosts, @DefaultValue("16") @Positive int vcpus,
            @DefaultValue("65536") @Positive int memoryMb, @DefaultValue("1000") @Positive int diskGb,
            @DefaultValue({"qemu", "container"}) List<String> hypervisorTypes,
            @DefaultValue("0s") Duration spawnDelay, @DefaultValue("") String failBuildNames) {
    }
}
