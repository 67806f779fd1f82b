package io.kumo.agent.driver.libvirt;

import io.kumo.agent.driver.AttachedVolume;
import io.kumo.agent.driver.DriverCapabilities;
import io.kumo.agent.driver.FirewallChange;
import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.HypervisorDriver;
import io.kumo.agent.driver.HypervisorInfo;
import io.kumo.agent.driver.HypervisorType;
import io.kumo.agent.driver.ImageCache;
import io.kumo.agent.driver.ImageSource;
import io.kumo.agent.driver.InstanceFiles;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.agent.driver.InstanceLocks;
import io.kumo.agent.driver.SpawnFailure;
import io.kumo.agent.driver.VolumeAttachFailure;
import io.kumo.agent.network.Bridges;
import io.kumo.agent.network.HostLinks;
import io.kumo.agent.network.PortFirewall;
import io.kumo.agent.network.SecurityGroupSource;
import io.kumo.agent.network.TapNames;
import io.kumo.agent.network.Uplinks;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.InstanceStats;
import io.kumo.common.contract.host.PowerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * VMs with libvirt and QEMU (KVM where it works, TCG else): each instance is a directory under the state
 * dir holding its qcow2 overlay on the image's cached base, its config drive ISO, its console log, its
 * domain XML and its record ({@code instance.json}), and a persistent libvirt domain {@code kumo-<uuid>}.
 * The image's {@code kernel_id}/{@code ramdisk_id}/{@code os_command_line} boot it directly. NICs are taps
 * libvirt makes on the network's bridge. Instances survive an agent restart: their records are read back,
 * a domain libvirt lost is defined again from its XML, and a running VM simply runs on.
 */
public final class LibvirtDriver implements HypervisorDriver {

    public static final String NAME = "libvirt";
    private static final Logger log = LoggerFactory.getLogger(LibvirtDriver.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RECORD = "instance.json";
    /** The marks of this driver's ports' firewalls: "KL" above, the port's number below. */
    private static final int MARKS = 0x4b4c0000;
    private static final String DEFAULT_COMMAND_LINE = "console=ttyS0";
    /** How long a guest has to release a volume's disk when asked to (an ACPI unplug it must answer). */
    private static final Duration DETACH_TIMEOUT = Duration.ofSeconds(30);

    private final LibvirtSettings settings;
    private final LibvirtDomains domains;
    private final String domainType;
    private final InstanceFiles files;
    private final ImageCache images;
    private final VmDisks disks;
    private final ConfigDriveIso configDrives;
    private final Bridges bridges;
    private final PortFirewall firewall;
    private final SecurityGroupSource securityGroups;
    private final InstanceLocks locks = new InstanceLocks();
    private final Map<String, InstanceInfo> records = new ConcurrentHashMap<>();
    private final DriverCapabilities capabilities;
    private final HypervisorInfo hypervisorInfo;

    public LibvirtDriver(LibvirtSettings settings, ImageSource imageSource) {
        this(settings, imageSource, SecurityGroupSource.NONE);
    }

    /** @param securityGroups where the ports' firewalls come from */
    public LibvirtDriver(LibvirtSettings settings, ImageSource imageSource, SecurityGroupSource securityGroups) {
        this.settings = settings;
        HostCommands commands = new HostCommands(Duration.ofSeconds(120));
        InstanceFiles.requireTraversableParents(settings.stateDir(), "QEMU's user (libvirt-qemu)",
                "agent.libvirt.state-dir");
        InstanceFiles.traversable(settings.stateDir());
        this.files = new InstanceFiles(settings.stateDir().resolve("instances"));
        Path cacheDir = settings.stateDir().resolve("images");
        InstanceFiles.traversable(cacheDir);
        this.images = new ImageCache(imageSource, cacheDir, settings.imageCacheBytes(), this::cachedFileInUse,
                java.time.Clock.systemUTC());
        this.disks = new VmDisks(images, commands);
        this.configDrives = new ConfigDriveIso(commands);
        HostLinks links = new HostLinks(commands, null);
        this.bridges = new Bridges(links, new Uplinks(links, settings.network()));
        this.firewall = new PortFirewall(commands, null, MARKS);
        this.securityGroups = securityGroups;
        this.domains = new LibvirtDomains(settings.uri());
        this.domainType = settings.domainType().equals("auto") ? KvmProbe.domainType(domains, settings)
                : settings.domainType();
        List<HypervisorType> types = domainType.equals("kvm") ? List.of(HypervisorType.KVM, HypervisorType.QEMU)
                : List.of(HypervisorType.QEMU);
        this.capabilities = DriverCapabilities.of(types, DriverCapabilities.inventory(settings.vcpus(),
                settings.memoryMb(), settings.diskGb(), settings.cpuAllocationRatio(), settings.ramAllocationRatio(),
                settings.diskAllocationRatio()));
        this.hypervisorInfo = new HypervisorInfo("QEMU", domains.hypervisorVersion(),
                HypervisorInfo.cpuInfo(domainType.equals("kvm") ? "host" : "qemu64", "host", settings.vcpus()));
        adoptExisting();
        log.info("libvirt driver on {}: domains of type {}", settings.uri(), domainType);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public HypervisorInfo hypervisorInfo() {
        return hypervisorInfo;
    }

    /** {@code kvm} or {@code qemu}: what this host's domains run on. */
    public String domainType() {
        return domainType;
    }

    @Override
    public InstanceInfo spawn(BuildServer build) {
        return locks.withLock(build.instanceUuid(), () -> {
            InstanceInfo existing = records.get(build.instanceUuid());
            if (existing != null) {
                return withPower(existing);
            }
            InstanceInfo instance = InstanceInfo.built(build, PowerState.SHUTDOWN);
            try {
                InstanceFiles.traversable(instanceDir(instance.uuid()));
                define(instance, build);
                save(instance);
                records.put(instance.uuid(), instance);
                start(instance);
                log.info("VM {} ({}) started as a {} domain", instance.uuid(), instance.name(), domainType);
                return withPower(instance);
            } catch (RuntimeException | IOException e) {
                records.remove(instance.uuid());
                cleanUp(instance);
                if (e instanceof SpawnFailure failure) {
                    throw failure;
                }
                throw new SpawnFailure("VM " + instance.uuid() + " could not be made: " + e.getMessage(), true);
            }
        });
    }

    @Override
    public Optional<InstanceInfo> powerOn(String instanceUuid) {
        return locks.withLock(instanceUuid, () -> Optional.ofNullable(records.get(instanceUuid)).map(instance -> {
            start(instance);
            return withPower(instance);
        }));
    }

    @Override
    public Optional<InstanceInfo> powerOff(String instanceUuid) {
        return locks.withLock(instanceUuid, () -> Optional.ofNullable(records.get(instanceUuid)).map(instance -> {
            stop(instance);
            return withPower(instance);
        }));
    }

    @Override
    public Optional<InstanceInfo> reboot(String instanceUuid, RebootType type) {
        return locks.withLock(instanceUuid, () -> Optional.ofNullable(records.get(instanceUuid)).map(instance -> {
            if (type == RebootType.HARD && running(instance.uuid())) {
                domains.reset(instance.uuid());
            } else {
                stop(instance);
                start(instance);
            }
            return withPower(instance);
        }));
    }

    @Override
    public Optional<InstanceInfo> rebuild(BuildServer server, boolean leaveStopped) {
        String uuid = server.instanceUuid();
        return locks.withLock(uuid, () -> {
            InstanceInfo current = records.get(uuid);
            if (current == null) {
                return Optional.empty();
            }
            stop(current);
            InstanceInfo rebuilt = current.rebuiltAs(server, PowerState.SHUTDOWN);
            try {
                Files.deleteIfExists(instanceDir(uuid).resolve("disk"));
                define(rebuilt, server);
                save(rebuilt);
                records.put(uuid, rebuilt);
                if (!leaveStopped) {
                    start(rebuilt);
                }
                return Optional.of(withPower(rebuilt));
            } catch (RuntimeException | IOException e) {
                throw new SpawnFailure("VM " + uuid + " could not be rebuilt: " + e.getMessage(), false);
            }
        });
    }

    @Override
    public Optional<List<String>> consoleLog(String instanceUuid) {
        if (!records.containsKey(instanceUuid)) {
            return Optional.empty();
        }
        return Optional.of(InstanceFiles.consoleTail(instanceDir(instanceUuid).resolve("console.log"), 64 * 1024));
    }

    /**
     * A virtio disk hot-plugged into the running guest (and kept in the domain's definition, so it is there
     * after a stop, a reboot or a rebuild too); a VM that is off gets it in its definition only.
     */
    @Override
    public Optional<InstanceInfo> attachVolume(String instanceUuid, AttachedVolume volume) {
        return locks.withLock(instanceUuid, () -> Optional.ofNullable(records.get(instanceUuid)).map(instance -> {
            if (instance.volume(volume.volumeId()).isPresent()) {
                return withPower(instance);
            }
            if (!Files.isRegularFile(Path.of(volume.path()))) {
                throw new VolumeAttachFailure("volume " + volume.volumeId() + " is not at " + volume.path()
                        + " on this host (its directory is not shared with the storage host)");
            }
            if (volume.deviceName().equals(DomainXml.ROOT_DISK)
                    || instance.volumes().stream().anyMatch(v -> v.device().equals(volume.device()))) {
                throw new VolumeAttachFailure("VM " + instanceUuid + " has a disk at " + volume.device() + " already");
            }
            try {
                domains.attachDevice(instanceUuid, DomainXml.volumeDisk(volume));
            } catch (LibvirtDomains.LibvirtFailure e) {
                throw new VolumeAttachFailure("volume " + volume.volumeId() + " could not be attached to VM "
                        + instanceUuid + ": " + e.getMessage(), e);
            }
            InstanceInfo attached = instance.withVolume(volume);
            try {
                keep(attached);
            } catch (RuntimeException e) {
                // no disk the record does not know of: taken out again before the attach is reported failed
                domains.detachDevice(instanceUuid, DomainXml.volumeDisk(volume), volume.deviceName(), DETACH_TIMEOUT);
                throw new VolumeAttachFailure("volume " + volume.volumeId() + " could not be recorded with VM "
                        + instanceUuid + ": " + e.getMessage(), e);
            }
            log.info("Volume {} attached to VM {} as {}", volume.volumeId(), instanceUuid, volume.device());
            return withPower(attached);
        }));
    }

    /**
     * The guest is asked to let go of the disk (ACPI unplug) and given {@link #DETACH_TIMEOUT} to do it; one
     * that keeps it (mounted and busy, or a guest without hot-plug) keeps it, and the detach fails.
     */
    @Override
    public Optional<InstanceInfo> detachVolume(String instanceUuid, String volumeId) {
        return locks.withLock(instanceUuid, () -> Optional.ofNullable(records.get(instanceUuid)).map(instance -> {
            AttachedVolume volume = instance.volume(volumeId).orElse(null);
            if (volume == null) {
                return withPower(instance);
            }
            boolean released;
            try {
                released = domains.detachDevice(instanceUuid, DomainXml.volumeDisk(volume), volume.deviceName(),
                        DETACH_TIMEOUT);
            } catch (LibvirtDomains.LibvirtFailure e) {
                throw new VolumeAttachFailure("volume " + volumeId + " could not be detached from VM " + instanceUuid
                        + ": " + e.getMessage(), e);
            }
            if (!released) {
                throw new VolumeAttachFailure("the guest of VM " + instanceUuid + " did not release " + volume.device()
                        + " within " + DETACH_TIMEOUT.toSeconds() + " s (is it in use?)");
            }
            InstanceInfo detached = instance.withoutVolume(volumeId);
            keep(detached);
            log.info("Volume {} detached from VM {}", volumeId, instanceUuid);
            return withPower(detached);
        }));
    }

    /** The instance's record and domain.xml as they are now (after a device changed in libvirt). */
    private void keep(InstanceInfo instance) {
        save(instance);
        records.put(instance.uuid(), instance);
        String definition = domains.definition(instance.uuid());
        if (definition != null) {
            InstanceFiles.writeAtomically(instanceDir(instance.uuid()).resolve("domain.xml"), definition);
        }
    }

    @Override
    public Optional<InstanceInfo> destroy(String instanceUuid) {
        return locks.withLock(instanceUuid, () -> {
            InstanceInfo instance = records.remove(instanceUuid);
            if (instance == null) {
                return Optional.empty();
            }
            cleanUp(instance);
            return Optional.of(instance.withPowerState(PowerState.NOSTATE));
        });
    }

    @Override
    public Optional<InstanceStats> stats(String instanceUuid) {
        InstanceInfo instance = records.get(instanceUuid);
        if (instance == null) {
            return Optional.empty();
        }
        Map<String, String> taps = new LinkedHashMap<>();
        instance.ports().forEach(port -> taps.put(TapNames.of(port.portId()), port.macAddress()));
        return domains.stats(instanceUuid, DomainXml.ROOT_DISK, taps);
    }

    @Override
    public List<InstanceInfo> instances() {
        return records.values().stream().map(this::withPower).sorted(InstanceInfo.BY_NAME).toList();
    }

    @Override
    public void forgetImage(String imageId) {
        images.forget(imageId);
    }

    /** A cached image is in use as a VM's base (its image) or kernel/ramdisk (named in its domain XML). */
    private boolean cachedFileInUse(Path file) {
        String imageId = file.getFileName().toString().split("\\.", 2)[0];
        if (records.values().stream().anyMatch(i -> i.image() != null && imageId.equals(i.image().id()))) {
            return true;
        }
        for (Path dir : files.dirs()) {
            try {
                Path xml = dir.resolve("domain.xml");
                if (Files.exists(xml) && Files.readString(xml).contains(file.toAbsolutePath().toString())) {
                    return true;
                }
            } catch (IOException e) {
                return true; // when in doubt, keep it
            }
        }
        return false;
    }

    @Override
    public List<String> orphans() {
        // looked at again under the lock: a delete that was under way has removed it meanwhile
        return locks.unaccounted(domains.kumoDomainUuids(files.root() + "/"),
                uuid -> records.containsKey(uuid) || !domains.exists(uuid));
    }

    @Override
    public void removeOrphan(String instanceUuid) {
        locks.withLock(instanceUuid, () -> {
            if (!records.containsKey(instanceUuid)) {
                domains.destroy(instanceUuid);
                domains.undefine(instanceUuid);
                InstanceFiles.deleteTree(instanceDir(instanceUuid));
                log.warn("Removed the orphaned domain {} (no instance record)", instanceUuid);
            }
            return null;
        });
    }

    /** Disk, config drive and domain XML made for the instance from its build, and the domain (re)defined. */
    private void define(InstanceInfo instance, BuildServer build) throws IOException {
        Path dir = instanceDir(instance.uuid());
        BuildServer.ImageSpec image = images.describe(build.image() == null ? null : build.image().id());
        int diskGb = build.flavor().rootGb() > 0 ? build.flavor().rootGb() : settings.defaultDiskGb();
        DomainSpec.Disk disk = disks.overlay(image, dir.resolve("disk"), diskGb);
        configDrives.write(dir.resolve("disk.config"), instance.configDriveFiles());
        Path console = dir.resolve("console.log");
        if (!Files.exists(console)) {
            Files.createFile(console, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        DomainSpec spec = new DomainSpec(instance.uuid(), instance.name(), domainType, settings.machine(),
                build.flavor().memoryMb(), build.flavor().vcpus(), directKernel(image), disk,
                dir.resolve("disk.config"), nics(instance.ports()), console, instance.volumes());
        String xml = DomainXml.of(spec);
        Files.writeString(dir.resolve("domain.xml"), xml);
        domains.define(xml);
    }

    private DomainSpec.DirectKernel directKernel(BuildServer.ImageSpec image) {
        String kernelId = image.properties().get("kernel_id");
        if (kernelId == null || kernelId.isBlank()) {
            return null;
        }
        Path kernel = disks.bootFile(kernelId, ".kernel");
        String ramdiskId = image.properties().get("ramdisk_id");
        Path ramdisk = ramdiskId == null || ramdiskId.isBlank() ? null : disks.bootFile(ramdiskId, ".ramdisk");
        String commandLine = image.properties().getOrDefault("os_command_line", DEFAULT_COMMAND_LINE);
        return new DomainSpec.DirectKernel(kernel, ramdisk, commandLine);
    }

    private static List<DomainSpec.Nic> nics(List<BuildServer.PortSpec> ports) {
        return ports.stream().map(port -> new DomainSpec.Nic(port.macAddress(), Bridges.of(port),
                TapNames.of(port.portId()), port.mtu())).toList();
    }


    /** Starts the domain with every bridge it plugs into up (and kept, under their locks, until it runs). */
    private void start(InstanceInfo instance) {
        if (running(instance.uuid())) {
            return;
        }
        // one port per bridge, in the bridges' order (two starts never wait for each other's locks in a cycle)
        List<BuildServer.PortSpec> perBridge = new ArrayList<>(instance.ports().stream()
                .collect(java.util.stream.Collectors.toMap(Bridges::of, p -> p, (a, b) -> a, java.util.TreeMap::new))
                .values());
        filter(instance.ports()); // before the taps exist: the rules name them
        underBridges(perBridge, () -> {
            domains.start(instance.uuid());
            return null;
        });
    }

    private void filter(List<BuildServer.PortSpec> ports) {
        for (BuildServer.PortSpec port : ports) {
            firewall.apply(securityGroups.filterFor(port, TapNames.of(port.portId())));
        }
    }

    private void unfilter(List<BuildServer.PortSpec> ports) {
        for (BuildServer.PortSpec port : ports) {
            firewall.remove(TapNames.of(port.portId()));
        }
    }

    @Override
    public void refreshPortFilters(FirewallChange change) {
        for (InstanceInfo instance : records.values()) {
            locks.withLock(instance.uuid(), () -> {
                if (records.containsKey(instance.uuid()) && running(instance.uuid())) {
                    for (BuildServer.PortSpec port : instance.ports()) {
                        String tap = TapNames.of(port.portId());
                        if (firewall.applied(tap).filter(f -> f.touchedBy(change)).isPresent()) {
                            firewall.apply(securityGroups.filterFor(port, tap));
                        }
                    }
                }
                return null;
            });
        }
    }

    private <T> T underBridges(List<BuildServer.PortSpec> ports, Supplier<T> action) {
        if (ports.isEmpty()) {
            return action.get();
        }
        return bridges.withBridge(ports.get(0), () -> underBridges(ports.subList(1, ports.size()), action));
    }

    /** The ACPI power button, then a hard power-off when the guest is still running after the stop timeout. */
    private void stop(InstanceInfo instance) {
        String uuid = instance.uuid();
        if (running(uuid)) {
            domains.shutdown(uuid);
            long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
            while (running(uuid) && System.nanoTime() < deadline) {
                InstanceFiles.pause(200);
            }
            domains.destroy(uuid);
        }
        unfilter(instance.ports());
        removeUnusedBridges(instance.ports());
    }

    /** Everything of the instance removed: domain, files, and the bridges no other NIC uses. */
    private void cleanUp(InstanceInfo instance) {
        List<RuntimeException> failures = InstanceFiles.runAll(List.of(
                () -> domains.destroy(instance.uuid()), // a delete destroys: no grace, as Nova's destroy
                () -> domains.undefine(instance.uuid()),
                () -> InstanceFiles.deleteTree(instanceDir(instance.uuid())),
                () -> unfilter(instance.ports()),
                () -> removeUnusedBridges(instance.ports())));
        if (!failures.isEmpty()) {
            log.warn("Cleaning up VM {} left something behind: {}", instance.uuid(), failures.get(0).getMessage());
        }
    }

    private void removeUnusedBridges(List<BuildServer.PortSpec> ports) {
        ports.stream().map(Bridges::of).distinct().forEach(bridges::removeIfUnused);
    }

    private Path instanceDir(String uuid) {
        return files.dirOf(uuid);
    }

    private void save(InstanceInfo instance) {
        InstanceFiles.writeAtomically(instanceDir(instance.uuid()).resolve(RECORD), JSON.writeValueAsString(instance));
    }

    private boolean running(String uuid) {
        return domains.state(uuid).map(state -> state == PowerState.RUNNING || state == PowerState.PAUSED)
                .orElse(false);
    }

    private InstanceInfo withPower(InstanceInfo instance) {
        return instance.withPowerState(domains.state(instance.uuid()).map(state -> state == PowerState.NOSTATE
                ? PowerState.SHUTDOWN : state).orElse(PowerState.NOSTATE));
    }

    /** The instances of an earlier run of the agent, from their records; a domain libvirt lost defined again. */
    private void adoptExisting() {
        try {
            for (Path dir : files.dirs()) {
                Path file = dir.resolve(RECORD);
                if (!Files.exists(file)) {
                    continue;
                }
                InstanceInfo instance = JSON.readValue(Files.readString(file), InstanceInfo.class);
                if (!domains.exists(instance.uuid()) && Files.exists(dir.resolve("domain.xml"))) {
                    domains.define(Files.readString(dir.resolve("domain.xml")));
                    log.warn("VM {} had no libvirt domain any more: defined again (powered off)", instance.uuid());
                }
                records.put(instance.uuid(), instance);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the instance records", e);
        }
        if (!records.isEmpty()) {
            log.info("Adopted {} VM(s) of an earlier run", records.size());
        }
    }

}
