package io.kumo.agent.driver.fake;

import io.kumo.agent.driver.AttachedVolume;
import io.kumo.agent.driver.DriverCapabilities;
import io.kumo.agent.driver.HypervisorDriver;
import io.kumo.agent.driver.HypervisorInfo;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.agent.driver.InstanceLocks;
import io.kumo.agent.driver.SpawnFailure;
import io.kumo.agent.driver.VolumeAttachFailure;
import io.kumo.agent.network.TapNames;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.InstanceStats;
import io.kumo.common.contract.host.PowerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A hypervisor in memory, like Nova's {@code fake.py}: instances are records in a map and power states
 * change as a real host's would, so the whole control plane runs in tests and scale simulations (100 fake
 * hosts in one JVM) without a hypervisor. It is also the driver contract by example: idempotent operations,
 * one operation per instance at a time, nothing left behind by a failed spawn.
 *
 * <p>State lives only as long as the process: a restarted fake host is an empty host.
 */
public final class FakeDriver implements HypervisorDriver {

    public static final String NAME = "fake";
    /** Nova's fake driver reports version 1.0 too; the number is libvirt-style (major × 1,000,000 …). */
    static final long VERSION = 1000;

    private final FakeDriverSettings settings;
    private final DriverCapabilities capabilities;
    private final HypervisorInfo hypervisorInfo;
    private final Map<String, InstanceInfo> instances = new ConcurrentHashMap<>();
    private final Map<String, FakeConsole> consoles = new ConcurrentHashMap<>();
    private final InstanceLocks locks = new InstanceLocks();

    public FakeDriver(FakeDriverSettings settings) {
        this.settings = settings;
        this.capabilities = DriverCapabilities.of(settings.hypervisorTypes(), DriverCapabilities.inventory(
                settings.vcpus(), settings.memoryMb(), settings.diskGb(), settings.cpuAllocationRatio(),
                settings.ramAllocationRatio(), settings.diskAllocationRatio()));
        this.hypervisorInfo = new HypervisorInfo(NAME, VERSION, HypervisorInfo.cpuInfo("fake", "kumo",
                settings.vcpus()));
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
            InstanceInfo existing = instances.get(build.instanceUuid());
            if (existing != null) {
                return existing;
            }
            if (settings.failsBuildOf(build.name())) {
                throw new SpawnFailure("fake driver: build failure injected for " + build.name(), true);
            }
            pretendToWork();
            InstanceInfo created = InstanceInfo.built(build, PowerState.RUNNING);
            FakeConsole console = new FakeConsole();
            console.boot(created);
            consoles.put(created.uuid(), console);
            instances.put(created.uuid(), created);
            return created;
        });
    }

    @Override
    public Optional<InstanceInfo> powerOn(String instanceUuid) {
        return changePowerState(instanceUuid, instance -> {
            if (instance.powerState() != PowerState.RUNNING) {
                consoles.get(instanceUuid).boot(instance);
            }
            return instance.withPowerState(PowerState.RUNNING);
        });
    }

    @Override
    public Optional<InstanceInfo> powerOff(String instanceUuid) {
        return changePowerState(instanceUuid, instance -> {
            if (instance.powerState() != PowerState.SHUTDOWN) {
                consoles.get(instanceUuid).powerDown();
            }
            return instance.withPowerState(PowerState.SHUTDOWN);
        });
    }

    @Override
    public Optional<InstanceInfo> reboot(String instanceUuid, RebootType type) {
        // soft or hard, a fake guest always comes back; a stopped one is started, as Nova's hard reboot does
        return changePowerState(instanceUuid, instance -> {
            FakeConsole console = consoles.get(instanceUuid);
            if (instance.powerState() == PowerState.RUNNING) {
                console.restart();
            }
            console.boot(instance);
            return instance.withPowerState(PowerState.RUNNING);
        });
    }

    @Override
    public Optional<InstanceInfo> rebuild(BuildServer server, boolean leaveStopped) {
        String uuid = server.instanceUuid();
        return locks.withLock(uuid, () -> {
            InstanceInfo current = instances.get(uuid);
            if (current == null) {
                return Optional.empty();
            }
            FakeConsole console = consoles.get(uuid);
            if (current.powerState() == PowerState.RUNNING) {
                console.powerDown();
            }
            if (settings.failsBuildOf(server.name())) {
                instances.put(uuid, current.withPowerState(PowerState.SHUTDOWN));
                throw new SpawnFailure("fake driver: rebuild failure injected for " + server.name(), false);
            }
            pretendToWork();
            InstanceInfo rebuilt = current.rebuiltAs(server, PowerState.RUNNING);
            console.boot(rebuilt);
            if (leaveStopped) {
                console.powerDown();
                rebuilt = rebuilt.withPowerState(PowerState.SHUTDOWN);
            }
            instances.put(uuid, rebuilt);
            return Optional.of(rebuilt);
        });
    }

    @Override
    public Optional<List<String>> consoleLog(String instanceUuid) {
        return Optional.ofNullable(consoles.get(instanceUuid)).map(FakeConsole::lines);
    }

    /**
     * A fake guest does nothing: it has its flavor's vCPUs and memory, its ports' NICs, and every counter at
     * zero (a shut-down one only its state and memory), so metrics and diagnostics have their real shape.
     */
    @Override
    public Optional<InstanceStats> stats(String instanceUuid) {
        return Optional.ofNullable(instances.get(instanceUuid)).map(instance -> {
            long memory = instance.flavor().memoryMb() * 1024L * 1024;
            if (instance.powerState() != PowerState.RUNNING) {
                return new InstanceStats("shutdown", instance.flavor().vcpus(), null, null, null, memory, null, null,
                        null, null, null, null, null);
            }
            List<InstanceStats.Nic> nics = instance.ports().stream().map(port -> new InstanceStats.Nic(
                    TapNames.of(port.portId()), port.macAddress(), 0, 0, 0, 0, 0, 0, 0, 0)).toList();
            return new InstanceStats(InstanceStats.RUNNING, instance.flavor().vcpus(), 0L, null, null, memory, 0L,
                    null, null, null, List.of(new InstanceStats.Disk("vda", 0, 0, 0, 0, 0)), nics, null);
        });
    }

    /**
     * Records the volume with the instance, as a real host would once its guest has the disk — after checking,
     * as a real host must, that the volume's file is there to be opened.
     */
    @Override
    public Optional<InstanceInfo> attachVolume(String instanceUuid, AttachedVolume volume) {
        return changePowerState(instanceUuid, instance -> {
            if (instance.volume(volume.volumeId()).isPresent()) {
                return instance;
            }
            if (!Files.isRegularFile(Path.of(volume.path()))) {
                throw new VolumeAttachFailure("volume " + volume.volumeId() + " is not at " + volume.path()
                        + " on this host");
            }
            if (instance.volumes().stream().anyMatch(v -> v.device().equals(volume.device()))) {
                throw new VolumeAttachFailure("instance " + instanceUuid + " has a volume at " + volume.device());
            }
            return instance.withVolume(volume);
        });
    }

    @Override
    public Optional<InstanceInfo> detachVolume(String instanceUuid, String volumeId) {
        return changePowerState(instanceUuid, instance -> instance.withoutVolume(volumeId));
    }

    @Override
    public Optional<InstanceInfo> destroy(String instanceUuid) {
        return locks.withLock(instanceUuid, () -> {
            consoles.remove(instanceUuid);
            return Optional.ofNullable(instances.remove(instanceUuid));
        });
    }

    @Override
    public List<InstanceInfo> instances() {
        return instances.values().stream().sorted(InstanceInfo.BY_NAME).toList();
    }

    private Optional<InstanceInfo> changePowerState(String instanceUuid, UnaryOperator<InstanceInfo> change) {
        return locks.withLock(instanceUuid, () -> {
            InstanceInfo current = instances.get(instanceUuid);
            if (current == null) {
                return Optional.empty();
            }
            InstanceInfo changed = change.apply(current);
            instances.put(instanceUuid, changed);
            return Optional.of(changed);
        });
    }

    /** The configured spawn time, so scale tests see builds overlap as on real hosts. */
    private void pretendToWork() {
        long millis = settings.spawnDelay().toMillis();
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("spawn interrupted (the agent is stopping); the command will be redelivered",
                    e);
        }
    }
}
