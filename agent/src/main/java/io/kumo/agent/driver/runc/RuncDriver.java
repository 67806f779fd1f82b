package io.kumo.agent.driver.runc;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
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
import io.kumo.agent.network.Uplinks;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.InstanceStats;
import io.kumo.common.contract.host.PowerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Containers with {@code runc}: each instance is a directory under the state dir holding its root
 * filesystem ({@code rootfs}: a btrfs snapshot of its image, or an ext4 disk image, capped at the flavor's
 * disk — see {@link RootDisks}), its config drive, its OCI {@code config.json}, its console log and its
 * record ({@code instance.json}). A container runs in its own
 * user namespace on an id range of its own, with the flavor's memory, CPU and pids limits, in a network
 * namespace with a veth per port on the network's bridge. Instances survive an agent restart: the records
 * are read back, and a container runc still runs is simply there again.
 */
public final class RuncDriver implements HypervisorDriver {

    public static final String NAME = "runc";
    private static final Logger log = LoggerFactory.getLogger(RuncDriver.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RECORD = "instance.json";
    /** The marks of this driver's ports' firewalls: "KR" above, the port's number below. */
    private static final int MARKS = 0x4b520000;

    private final RuncSettings settings;
    private final InstanceFiles files;
    private final Runc runc;
    private final Map<String, RootDisks> storages = new LinkedHashMap<>();
    private final RootDisks storage;
    private final ImageCache imageCache;
    private final RootfsImages images;
    private final ContainerNetworks networks;
    private final ContainerVolumes volumes;
    private final IdRanges idRanges;
    private final CgroupUsage cgroups = CgroupUsage.ofHost();
    private final Clock clock = Clock.systemUTC();
    private final InstanceLocks locks = new InstanceLocks();
    private final Map<String, InstanceRecord> records = new ConcurrentHashMap<>();
    private final DriverCapabilities capabilities;
    private final HypervisorInfo hypervisorInfo;

    /**
     * What the driver keeps of an instance across restarts.
     *
     * @param storage the kind of its root filesystem ({@code ext4}, {@code btrfs})
     */
    record InstanceRecord(InstanceInfo instance, long idBase, ContainerProcess process, String storage) {

        /**
         * Also reads the records of earlier agents: the command line alone and no process, an ext4 disk
         * always.
         */
        @JsonCreator
        static InstanceRecord read(@JsonProperty("instance") InstanceInfo instance, @JsonProperty("idBase") long idBase,
                @JsonProperty("process") ContainerProcess process, @JsonProperty("args") List<String> args,
                @JsonProperty("storage") String storage) {
            return new InstanceRecord(instance, idBase, process != null ? process
                    : new ContainerProcess(args == null ? ContainerProcess.INIT : args, null, "/", 0, 0),
                    storage == null ? StorageSettings.EXT4 : storage);
        }

        InstanceRecord withProcess(ContainerProcess started) {
            return new InstanceRecord(instance, idBase, started, storage);
        }

        InstanceRecord withInstance(InstanceInfo changed) {
            return new InstanceRecord(changed, idBase, process, storage);
        }
    }

    public RuncDriver(RuncSettings settings, ImageSource imageSource) {
        this(settings, imageSource, SecurityGroupSource.NONE);
    }

    /** @param securityGroups where the ports' firewalls come from */
    public RuncDriver(RuncSettings settings, ImageSource imageSource, SecurityGroupSource securityGroups) {
        this.settings = settings;
        HostCommands commands = new HostCommands(Duration.ofSeconds(60));
        this.runc = new Runc(commands, settings.runcBinary(), settings.stateDir().resolve("runc"));
        this.imageCache = new ImageCache(imageSource, settings.stateDir().resolve("images"),
                settings.imageCacheBytes(), file -> false, clock); // tarballs: used while unpacked
        this.images = new RootfsImages(imageCache, commands, settings.imageCacheBytes());
        HostLinks links = new HostLinks(commands, settings.network().namespace());
        this.networks = new ContainerNetworks(commands, new Bridges(links, new Uplinks(links, settings.network())),
                new PortFirewall(commands, settings.network().namespace(), MARKS), securityGroups);
        this.volumes = new ContainerVolumes(commands);
        this.idRanges = new IdRanges(settings.idRangeFirst(), RuncSettings.IDS_PER_CONTAINER, settings.idRangeCount());
        this.capabilities = DriverCapabilities.of(List.of(HypervisorType.CONTAINER), DriverCapabilities.inventory(
                settings.vcpus(), settings.memoryMb(), settings.diskGb(), settings.cpuAllocationRatio(),
                settings.ramAllocationRatio(), settings.diskAllocationRatio()));
        this.hypervisorInfo = new HypervisorInfo(NAME, version(commands, settings.runcBinary()),
                HypervisorInfo.cpuInfo("host", "host", settings.vcpus()));
        InstanceFiles.requireTraversableParents(settings.stateDir(), "containers' unprivileged roots",
                "agent.runc.state-dir");
        InstanceFiles.traversable(settings.stateDir());
        this.storage = openStorages(commands);
        this.files = new InstanceFiles(settings.stateDir().resolve("instances"));
        adoptExisting();
    }

    /** ext4 always (earlier instances may use it); btrfs as the settings say. Returns where new instances go. */
    private RootDisks openStorages(HostCommands commands) {
        storages.put(StorageSettings.EXT4, new Ext4Disks(commands, images));
        StorageSettings wanted = settings.storage();
        if (wanted.kind().equals(StorageSettings.EXT4)) {
            return storages.get(StorageSettings.EXT4);
        }
        try {
            storages.put(StorageSettings.BTRFS, BtrfsDisks.open(wanted, settings.stateDir(),
                    wanted.poolGb() > 0 ? wanted.poolGb() : settings.diskGb(), commands, images));
            log.info("Containers' root filesystems: btrfs snapshots on {}", settings.stateDir().resolve("pool"));
            return storages.get(StorageSettings.BTRFS);
        } catch (RuntimeException e) {
            if (wanted.kind().equals(StorageSettings.BTRFS)) {
                throw new IllegalStateException("the btrfs pool of agent.runc.storage=btrfs could not be set up: "
                        + e.getMessage(), e);
            }
            log.warn("No btrfs pool ({}): containers' root filesystems are ext4 disk images", e.getMessage());
            return storages.get(StorageSettings.EXT4);
        }
    }

    /** The kind of root filesystems new containers get. */
    String storageKind() {
        return storage.kind();
    }

    private RootDisks storageOf(InstanceRecord record) {
        RootDisks disks = storages.get(record.storage());
        if (disks == null) {
            throw new IllegalStateException("container " + record.instance().uuid() + " has a " + record.storage()
                    + " root filesystem, which this agent has no pool for (agent.runc.storage)");
        }
        return disks;
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

    @Override
    public InstanceInfo spawn(BuildServer build) {
        return locks.withLock(build.instanceUuid(), () -> {
            InstanceRecord existing = records.get(build.instanceUuid());
            if (existing != null) {
                return withPower(existing);
            }
            long idBase = idRanges.take();
            Path dir = instanceDir(build.instanceUuid());
            try {
                InstanceFiles.traversable(dir);
                InstanceInfo instance = InstanceInfo.built(build, PowerState.SHUTDOWN);
                BuildServer.ImageSpec image = imageCache.describe(imageId(build));
                InstanceRecord record = prepareDisk(new InstanceRecord(instance, idBase, null, storage.kind()), build,
                        image);
                save(record);
                records.put(build.instanceUuid(), record);
                start(record);
                log.info("Container {} ({}) runs with ids {}-{}", instance.uuid(), instance.name(), idBase,
                        idBase + RuncSettings.IDS_PER_CONTAINER - 1);
                return withPower(record);
            } catch (RuntimeException | IOException e) {
                records.remove(build.instanceUuid());
                cleanUp(build.instanceUuid(), build.ports(), idBase, storages.values());
                if (e instanceof SpawnFailure failure) {
                    throw failure;
                }
                throw new SpawnFailure("container " + build.instanceUuid() + " could not be made: " + e.getMessage(),
                        true);
            }
        });
    }

    @Override
    public Optional<InstanceInfo> powerOn(String instanceUuid) {
        return locks.withLock(instanceUuid, () -> Optional.ofNullable(records.get(instanceUuid)).map(record -> {
            if (!running(instanceUuid)) {
                start(record);
            }
            return withPower(record);
        }));
    }

    @Override
    public Optional<InstanceInfo> powerOff(String instanceUuid) {
        return locks.withLock(instanceUuid, () -> Optional.ofNullable(records.get(instanceUuid)).map(record -> {
            stop(instanceUuid, record.instance().ports());
            return withPower(record);
        }));
    }

    @Override
    public Optional<InstanceInfo> reboot(String instanceUuid, RebootType type) {
        return locks.withLock(instanceUuid, () -> Optional.ofNullable(records.get(instanceUuid)).map(record -> {
            if (type == RebootType.HARD) {
                runc.kill(instanceUuid, "KILL");
            }
            stop(instanceUuid, record.instance().ports());
            start(record);
            return withPower(record);
        }));
    }

    @Override
    public Optional<InstanceInfo> rebuild(BuildServer server, boolean leaveStopped) {
        String uuid = server.instanceUuid();
        return locks.withLock(uuid, () -> {
            InstanceRecord current = records.get(uuid);
            if (current == null) {
                return Optional.empty();
            }
            stop(uuid, current.instance().ports());
            try {
                BuildServer.ImageSpec image = imageCache.describe(imageId(server));
                storageOf(current).remove(uuid, instanceDir(uuid));
                InstanceRecord rebuilt = prepareDisk(new InstanceRecord(current.instance().rebuiltAs(server,
                        PowerState.SHUTDOWN), current.idBase(), null, storage.kind()), server, image);
                save(rebuilt);
                records.put(uuid, rebuilt);
                if (!leaveStopped) {
                    start(rebuilt);
                }
                return Optional.of(withPower(rebuilt));
            } catch (RuntimeException | IOException e) {
                throw new SpawnFailure("container " + uuid + " could not be rebuilt: " + e.getMessage(), false);
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
     * The volume's file system mounted under the container's {@code /mnt} (made on a blank volume first); it
     * appears in the running container at once, and a stopped one has it when it starts.
     */
    @Override
    public Optional<InstanceInfo> attachVolume(String instanceUuid, AttachedVolume volume) {
        return locks.withLock(instanceUuid, () -> Optional.ofNullable(records.get(instanceUuid)).map(record -> {
            if (record.instance().volume(volume.volumeId()).isPresent()) {
                return withPower(record);
            }
            if (record.instance().volumes().stream().anyMatch(v -> v.device().equals(volume.device()))) {
                throw new VolumeAttachFailure("container " + instanceUuid + " has a volume at " + volume.device()
                        + " already");
            }
            volumes.mount(instanceDir(instanceUuid), volume, record.idBase());
            InstanceRecord attached = record.withInstance(record.instance().withVolume(volume));
            try {
                save(attached);
            } catch (RuntimeException e) {
                volumes.unmount(instanceDir(instanceUuid), volume); // no attach the record does not know of
                throw e;
            }
            records.put(instanceUuid, attached);
            log.info("Volume {} mounted at {} in container {}", volume.volumeId(), volume.device(), instanceUuid);
            return withPower(attached);
        }));
    }

    /** Unmounted; a volume the container still uses (a process's working directory, an open file) stays. */
    @Override
    public Optional<InstanceInfo> detachVolume(String instanceUuid, String volumeId) {
        return locks.withLock(instanceUuid, () -> Optional.ofNullable(records.get(instanceUuid)).map(record -> {
            AttachedVolume volume = record.instance().volume(volumeId).orElse(null);
            if (volume == null) {
                return withPower(record);
            }
            volumes.unmount(instanceDir(instanceUuid), volume);
            InstanceRecord detached = record.withInstance(record.instance().withoutVolume(volumeId));
            save(detached);
            records.put(instanceUuid, detached);
            log.info("Volume {} unmounted from container {}", volumeId, instanceUuid);
            return withPower(detached);
        }));
    }

    @Override
    public Optional<InstanceInfo> destroy(String instanceUuid) {
        return locks.withLock(instanceUuid, () -> {
            InstanceRecord record = records.remove(instanceUuid);
            if (record == null) {
                return Optional.empty();
            }
            RootDisks disks = storages.get(record.storage());
            cleanUp(instanceUuid, record.instance().ports(), record.idBase(),
                    disks == null ? storages.values() : List.of(disks));
            return Optional.of(record.instance().withPowerState(PowerState.NOSTATE));
        });
    }

    /**
     * Read without the instance's lock (figures of a moment; a stop under way shows as either state): from
     * the cgroups of the container's process, its disk's loop device and its veths.
     */
    @Override
    public Optional<InstanceStats> stats(String instanceUuid) {
        InstanceRecord record = records.get(instanceUuid);
        if (record == null) {
            return Optional.empty();
        }
        BuildServer.FlavorSpec flavor = record.instance().flavor();
        Optional<Runc.State> state = runc.state(instanceUuid).filter(Runc.State::running);
        Optional<CgroupUsage.Usage> usage = state.flatMap(s -> cgroups.of(s.pid()));
        if (usage.isEmpty()) {
            return Optional.of(new InstanceStats("shutdown", flavor.vcpus(), null, null, null,
                    flavor.memoryMb() * 1024L * 1024, null, null, null, null, null, null, null));
        }
        CgroupUsage.Usage u = usage.get();
        Instant created = state.get().created();
        return Optional.of(new InstanceStats(InstanceStats.RUNNING, flavor.vcpus(), u.cpuNanos(), List.of(),
                u.cpuThrottledNanos(), u.memoryLimitBytes(), u.memoryUsedBytes(), u.oomKills(), u.pids(),
                u.pidsLimit(), storageOf(record).counters(instanceUuid, instanceDir(instanceUuid)).stream().toList(),
                networks.counters(record.instance().ports()),
                created == null ? null : Duration.between(created, clock.instant()).toSeconds()));
    }

    @Override
    public List<InstanceInfo> instances() {
        return records.values().stream().map(this::withPower).sorted(InstanceInfo.BY_NAME).toList();
    }

    @Override
    public void refreshPortFilters(FirewallChange change) {
        for (InstanceRecord record : records.values()) {
            locks.withLock(record.instance().uuid(), () -> {
                if (records.containsKey(record.instance().uuid()) && running(record.instance().uuid())) {
                    networks.refilter(record.instance().ports(), change);
                }
                return null;
            });
        }
    }

    /** Each storage kind lets go of what no container uses (the btrfs pool is mounted again at the next start). */
    @Override
    public void close() {
        storages.values().forEach(RootDisks::close);
    }

    @Override
    public void forgetImage(String imageId) {
        imageCache.forget(imageId);
        storages.values().forEach(disks -> disks.forgetImage(imageId));
    }

    /** Containers runc runs and instance directories on disk that no record accounts for. */
    @Override
    public List<String> orphans() {
        java.util.Set<String> candidates = new java.util.TreeSet<>(runc.list());
        for (Path dir : files.dirs()) {
            if (!Files.exists(dir.resolve(RECORD))) {
                candidates.add(dir.getFileName().toString());
            }
        }
        storages.values().forEach(disks -> candidates.addAll(disks.volumes()));
        candidates.removeIf(uuid -> !uuid.matches("[0-9a-fA-F-]{36}"));
        // looked at again under the lock: a delete that was under way has removed it meanwhile
        return locks.unaccounted(candidates, uuid -> records.containsKey(uuid)
                || (runc.status(uuid).isEmpty() && !Files.exists(instanceDir(uuid)) && !hasVolume(uuid)));
    }

    /** The orphan's container killed and removed, with its network namespace, mount and files. */
    @Override
    public void removeOrphan(String instanceUuid) {
        locks.withLock(instanceUuid, () -> {
            if (!records.containsKey(instanceUuid)) {
                Path dir = instanceDir(instanceUuid);
                List<RuntimeException> failures = InstanceFiles.runAll(List.of(
                        () -> runc.kill(instanceUuid, "KILL"),
                        () -> runc.delete(instanceUuid),
                        () -> networks.unplug(instanceUuid, List.of()),
                        () -> storages.values().forEach(disks -> disks.remove(instanceUuid, dir)),
                        () -> deleteFiles(dir)));
                log.warn("Removed the orphaned container {} (no instance record){}", instanceUuid,
                        failures.isEmpty() ? "" : "; left: " + failures.get(0).getMessage());
            }
            return null;
        });
    }

    /**
     * The root filesystem made from the image (of the record's storage kind), host files injected, config
     * drive and config.json written. Returns the record with the process the image names.
     */
    private InstanceRecord prepareDisk(InstanceRecord made, BuildServer build, BuildServer.ImageSpec image)
            throws IOException {
        String uuid = build.instanceUuid();
        Path dir = instanceDir(uuid);
        long diskBytes = (build.flavor().rootGb() > 0 ? build.flavor().rootGb() : settings.defaultDiskGb()) * (1L << 30);
        InstanceFiles.privateFile(dir.resolve("console.log"));
        RootDisks disks = storageOf(made);
        InstanceRecord record = made.withProcess(disks.create(uuid, dir, diskBytes, image, made.idBase()));
        Path rootfs = disks.attach(uuid, dir);
        GuestConfig guest = GuestConfig.of(record.instance().configDriveFiles(), build.hostname());
        GuestFiles.inject(rootfs, guest, record.idBase());
        Path configDrive = dir.resolve("config-drive");
        GuestFiles.writeConfigDrive(configDrive, record.instance().configDriveFiles(), record.idBase());
        writeSpec(record, guest.hostname(), rootfs);
        return record;
    }

    private void writeSpec(InstanceRecord record, String hostname, Path rootfs) throws IOException {
        Path dir = instanceDir(record.instance().uuid());
        OciSpecs.Container container = new OciSpecs.Container(hostname, record.process(), rootfs.toString(),
                record.idBase(), RuncSettings.IDS_PER_CONTAINER, dir.resolve("config-drive").toString(),
                volumes.prepare(dir).toString(), record.instance().flavor(), settings.defaultPidsLimit());
        InstanceFiles.privateFile(dir.resolve("config.json"));
        Files.writeString(dir.resolve("config.json"), JSON.writeValueAsString(OciSpecs.of(container)));
    }

    private void start(InstanceRecord record) {
        String uuid = record.instance().uuid();
        Path dir = instanceDir(uuid);
        storageOf(record).attach(uuid, dir);
        volumes.prepare(dir);
        for (AttachedVolume volume : record.instance().volumes()) {
            volumes.mount(dir, volume, record.idBase()); // gone with a host reboot
        }
        GuestConfig guest = GuestConfig.of(record.instance().configDriveFiles(), record.instance().name());
        runc.delete(uuid);
        long pid = runc.create(uuid, dir, dir.resolve("console.log"));
        try {
            networks.plug(uuid, pid, record.instance().ports(), guest);
            runc.start(uuid);
        } catch (RuntimeException e) {
            runc.delete(uuid);
            throw e;
        }
    }

    /**
     * SIGTERM, then SIGKILL after the stop timeout; the container is then removed from runc and its network
     * namespace with its NICs (its disk stays; the next start plugs it again).
     */
    private void stop(String uuid, List<BuildServer.PortSpec> ports) {
        if (running(uuid)) {
            runc.kill(uuid, "TERM");
            long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
            while (running(uuid) && System.nanoTime() < deadline) {
                InstanceFiles.pause(100);
            }
            if (running(uuid)) {
                runc.kill(uuid, "KILL");
                long killDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (running(uuid) && System.nanoTime() < killDeadline) {
                    InstanceFiles.pause(50);
                }
            }
        }
        runc.delete(uuid);
        networks.unplug(uuid, ports);
    }

    /** Everything of the instance removed: container, network, root filesystem (of those kinds), files, id range. */
    private void cleanUp(String uuid, List<BuildServer.PortSpec> ports, long idBase, Collection<RootDisks> kinds) {
        Path dir = instanceDir(uuid);
        List<RuntimeException> failures = InstanceFiles.runAll(List.of(
                () -> runc.kill(uuid, "KILL"), // a delete destroys: no grace, as Nova's destroy
                () -> stop(uuid, ports),
                () -> kinds.forEach(disks -> disks.remove(uuid, dir)),
                () -> deleteFiles(dir)));
        idRanges.release(idBase);
        if (!failures.isEmpty()) {
            log.warn("Cleaning up container {} left something behind: {}", uuid, failures.get(0).getMessage());
        }
    }

    /** The instance's files, once no volume is mounted among them (a volume's files are the user's, not ours). */
    private void deleteFiles(Path dir) {
        volumes.release(dir);
        InstanceFiles.deleteTree(dir);
    }

    private boolean hasVolume(String uuid) {
        return storages.values().stream().anyMatch(disks -> disks.volumes().contains(uuid));
    }

    private boolean running(String uuid) {
        return runc.state(uuid).map(Runc.State::running).orElse(false);
    }

    private InstanceInfo withPower(InstanceRecord record) {
        return record.instance().withPowerState(running(record.instance().uuid()) ? PowerState.RUNNING
                : PowerState.SHUTDOWN);
    }

    private Path instanceDir(String uuid) {
        return files.dirOf(uuid);
    }

    private void save(InstanceRecord record) {
        InstanceFiles.writeAtomically(instanceDir(record.instance().uuid()).resolve(RECORD),
                JSON.writeValueAsString(record));
    }

    /** The instances of an earlier run of the agent, from their records: their id ranges taken again. */
    private void adoptExisting() {
        try {
            for (Path dir : files.dirs()) {
                Path file = dir.resolve(RECORD);
                if (!Files.exists(file)) {
                    continue;
                }
                InstanceRecord record = JSON.readValue(Files.readString(file), InstanceRecord.class);
                idRanges.adopt(record.idBase());
                records.put(record.instance().uuid(), record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the container records", e);
        }
        if (!records.isEmpty()) {
            log.info("Adopted {} container(s) of an earlier run", records.size());
        }
    }

    private static String imageId(BuildServer build) {
        return build.image() == null ? null : build.image().id();
    }

    private static long version(HostCommands commands, String binary) {
        try {
            String out = commands.run(List.of(binary, "--version"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("runc version (\\d+)\\.(\\d+)\\.(\\d+)").matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)) * 1000
                    + Long.parseLong(m.group(3)) : 0;
        } catch (HostCommands.HostCommandFailed e) {
            throw new IllegalStateException("the runc driver needs " + binary + ": " + e.getMessage(), e);
        }
    }

}
