package io.kumo.agent.driver.libvirt;

import io.kumo.common.contract.host.InstanceStats;
import io.kumo.common.contract.host.PowerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainBlockStats;
import org.libvirt.DomainInfo;
import org.libvirt.DomainInterfaceStats;
import org.libvirt.Error;
import org.libvirt.ErrorCallback;
import org.libvirt.LibvirtException;
import org.libvirt.MemoryStatistic;
import org.libvirt.VcpuInfo;

/**
 * Kumo's domains in libvirt, through libvirt's Java bindings: the only class that talks to libvirt, so the
 * driver reads as what it does to VMs. Domains are addressed by instance uuid; libvirt's errors become
 * {@link LibvirtFailure}s naming the operation, and "no such domain" is an empty answer, not an error. A
 * connection lost (libvirtd restarted) is opened again once per call.
 */
final class LibvirtDomains {

    static final String NAME_PREFIX = "kumo-";
    /** virDomainMemoryStatTags: how many to ask for, and the QEMU process's resident set (KiB). */
    private static final int MEMORY_STATISTICS = 13;
    private static final int MEMORY_STAT_RSS = 7;
    /**
     * libvirt prints every error to stderr unless a callback takes them; this one drops them, as each error
     * reaches the driver as an exception (or, for "no such domain", as an empty answer). Held here so the
     * native side never calls a collected callback.
     */
    private static final ErrorCallback SILENT = new ErrorCallback();
    /** virDomainModificationImpact and virDomainXMLFlags. */
    private static final int AFFECT_LIVE = 1;
    private static final int AFFECT_CONFIG = 2;
    private static final int VIR_DOMAIN_XML_INACTIVE = 2;

    private final String uri;
    private Connect connection;

    LibvirtDomains(String uri) {
        this.uri = uri;
        this.connection = open(uri);
    }

    /** A libvirt call that failed. */
    static final class LibvirtFailure extends RuntimeException {
        LibvirtFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T on(Connect connection) throws LibvirtException;
    }

    /** The hypervisor's version as one number (7002022 for QEMU 7.2.22). */
    long hypervisorVersion() {
        return call("read the hypervisor version", Connect::getVersion);
    }

    /** Defines (or redefines) a persistent domain from its XML; it survives libvirtd and agent restarts. */
    void define(String xml) {
        call("define a domain", c -> c.domainDefineXML(xml));
    }

    /** Starts a defined domain that is not running. */
    void start(String uuid) {
        withDomain(uuid, "start", d -> d.isActive() == 1 ? 0 : d.create());
    }

    /** Presses the ACPI power button (a graceful shutdown the guest may ignore). */
    void shutdown(String uuid) {
        withDomain(uuid, "shut down", d -> {
            if (d.isActive() == 1) {
                d.shutdown();
            }
            return null;
        });
    }

    /** Powers the domain off at once (no-op when it is off). */
    void destroy(String uuid) {
        withDomain(uuid, "destroy", d -> {
            if (d.isActive() == 1) {
                d.destroy();
            }
            return null;
        });
    }

    /** Resets a running domain (a hard reboot). */
    void reset(String uuid) {
        withDomain(uuid, "reset", d -> {
            d.reset();
            return null;
        });
    }

    /** Removes the domain's definition (it must be off); none there is fine. */
    void undefine(String uuid) {
        withDomain(uuid, "undefine", d -> {
            d.undefine();
            return null;
        });
    }

    /** The domain's power state as Nova maps libvirt's; empty when libvirt has no such domain. */
    Optional<PowerState> state(String uuid) {
        return Optional.ofNullable(withDomain(uuid, "read the state of", d -> powerState(d.getInfo().state)));
    }

    /**
     * What the domain uses: CPU time (per vCPU too), memory (maximum, and the QEMU process's resident set),
     * the disk {@code disk}'s I/O and each tap's traffic as the guest sees it; a domain not running has only
     * its state and maximum. Empty when libvirt has no such domain.
     *
     * @param taps the domain's NICs: tap name to MAC address
     */
    Optional<InstanceStats> stats(String uuid, String disk, Map<String, String> taps) {
        return Optional.ofNullable(withDomain(uuid, "read the statistics of", d -> {
            DomainInfo info = d.getInfo();
            long maxBytes = info.maxMem * 1024;
            if (powerState(info.state) != PowerState.RUNNING) {
                return new InstanceStats("shutdown", info.nrVirtCpu, null, null, null, maxBytes, null, null, null,
                        null, null, null, null);
            }
            List<Long> vcpuTimes = new ArrayList<>();
            for (VcpuInfo vcpu : d.getVcpusInfo()) {
                vcpuTimes.add(vcpu.cpuTime);
            }
            Long rss = null;
            for (MemoryStatistic statistic : d.memoryStats(MEMORY_STATISTICS)) {
                if (statistic.getTag() == MEMORY_STAT_RSS) {
                    rss = statistic.getValue() * 1024;
                }
            }
            DomainBlockStats block = d.blockStats(disk);
            List<InstanceStats.Nic> nics = new ArrayList<>();
            for (Map.Entry<String, String> tap : taps.entrySet()) {
                DomainInterfaceStats n = d.interfaceStats(tap.getKey());
                nics.add(new InstanceStats.Nic(tap.getKey(), tap.getValue(), n.rx_bytes, n.rx_packets, n.rx_errs,
                        n.rx_drop, n.tx_bytes, n.tx_packets, n.tx_errs, n.tx_drop));
            }
            return new InstanceStats(InstanceStats.RUNNING, info.nrVirtCpu, info.cpuTime, vcpuTimes, null, maxBytes,
                    rss, null, null, null, List.of(new InstanceStats.Disk(disk, block.rd_bytes, block.rd_req,
                            block.wr_bytes, block.wr_req, block.errs)), nics, null);
        }));
    }

    /**
     * Adds a device to the domain's definition and, when it runs, hot-plugs it into the guest. False when
     * libvirt has no such domain.
     */
    boolean attachDevice(String uuid, String deviceXml) {
        return Boolean.TRUE.equals(withDomain(uuid, "attach a device to", d -> {
            d.attachDeviceFlags(deviceXml, d.isActive() == 1 ? AFFECT_LIVE | AFFECT_CONFIG : AFFECT_CONFIG);
            return Boolean.TRUE;
        }));
    }

    /**
     * Whether the domain has a disk at {@code target} ({@code vdb}): in the running guest when it runs, else in
     * its definition.
     */
    boolean hasDisk(String uuid, String target) {
        return Boolean.TRUE.equals(withDomain(uuid, "read the disks of", d ->
                d.getXMLDesc(0).contains("<target dev='" + target + "'")));
    }

    /**
     * Asks the running guest to let go of a device (an ACPI unplug it must answer) and waits until it has, up
     * to {@code timeout}; then removes it from the definition. A guest that keeps it keeps it in the definition
     * too: the answer is false and nothing changed.
     */
    boolean detachDevice(String uuid, String deviceXml, String target, Duration timeout) {
        Boolean live = withDomain(uuid, "detach a device from", d -> {
            if (d.isActive() == 1 && d.getXMLDesc(0).contains("<target dev='" + target + "'")) {
                d.detachDeviceFlags(deviceXml, AFFECT_LIVE);
            }
            return d.isActive() == 1;
        });
        if (live == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (live && hasDisk(uuid, target)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause();
        }
        withDomain(uuid, "detach a device from", d -> {
            if (d.getXMLDesc(VIR_DOMAIN_XML_INACTIVE).contains("<target dev='" + target + "'")) {
                d.detachDeviceFlags(deviceXml, AFFECT_CONFIG);
            }
            return null;
        });
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LibvirtFailure("interrupted while waiting for a guest to let go of a device", e);
        }
    }

    /** The domain's definition as libvirt keeps it (what a define of it makes again); null when there is none. */
    String definition(String uuid) {
        return withDomain(uuid, "read the definition of", d -> d.getXMLDesc(VIR_DOMAIN_XML_INACTIVE));
    }

    /** Whether the domain exists in libvirt (defined or running). */
    boolean exists(String uuid) {
        return Boolean.TRUE.equals(withDomain(uuid, "look up", d -> Boolean.TRUE));
    }

    /**
     * The uuids of the Kumo domains libvirt knows, running or defined, whose definition names
     * {@code pathPrefix} (the instances dir of one driver: other agents on the same libvirtd are not its own).
     */
    List<String> kumoDomainUuids(String pathPrefix) {
        return call("list domains", c -> {
            List<Domain> candidates = new ArrayList<>();
            for (int id : c.listDomains()) {
                candidates.add(c.domainLookupByID(id));
            }
            for (String name : c.listDefinedDomains()) {
                candidates.add(c.domainLookupByName(name));
            }
            List<String> uuids = new ArrayList<>();
            for (Domain d : candidates) {
                if (d.getName().startsWith(NAME_PREFIX) && d.getXMLDesc(0).contains(pathPrefix)) {
                    uuids.add(d.getUUIDString());
                }
            }
            return uuids;
        });
    }

    /** Starts a transient domain (gone when it powers off), for the KVM probe. */
    void createTransient(String xml) {
        call("create a transient domain", c -> c.domainCreateXML(xml, 0));
    }

    static PowerState powerState(DomainInfo.DomainState state) {
        return switch (state) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED, VIR_DOMAIN_SHUTDOWN -> PowerState.RUNNING;
            case VIR_DOMAIN_PAUSED -> PowerState.PAUSED;
            case VIR_DOMAIN_SHUTOFF -> PowerState.SHUTDOWN;
            case VIR_DOMAIN_CRASHED -> PowerState.CRASHED;
            default -> PowerState.NOSTATE;
        };
    }

    @FunctionalInterface
    private interface DomainCall<T> {
        T on(Domain domain) throws LibvirtException;
    }

    /** {@code action} on the domain; null when libvirt has no such domain. */
    private <T> T withDomain(String uuid, String what, DomainCall<T> action) {
        return call(what + " domain " + uuid, c -> {
            Domain domain;
            try {
                domain = c.domainLookupByUUIDString(uuid);
            } catch (LibvirtException e) {
                if (noDomain(e)) {
                    return null;
                }
                throw e;
            }
            try {
                return action.on(domain);
            } catch (LibvirtException e) {
                if (noDomain(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    private synchronized Connect connection() {
        return connection;
    }

    private <T> T call(String what, Call<T> call) {
        try {
            return call.on(connection());
        } catch (LibvirtException first) {
            if (!connectionLost(first)) {
                throw new LibvirtFailure("libvirt could not " + what + ": " + first.getMessage(), first);
            }
            synchronized (this) {
                connection = open(uri);
            }
            try {
                return call.on(connection());
            } catch (LibvirtException again) {
                throw new LibvirtFailure("libvirt could not " + what + ": " + again.getMessage(), again);
            }
        }
    }

    private static boolean noDomain(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
    }

    private static boolean connectionLost(LibvirtException e) {
        Error.ErrorNumber code = e.getError() == null ? null : e.getError().getCode();
        return code == Error.ErrorNumber.VIR_ERR_SYSTEM_ERROR || code == Error.ErrorNumber.VIR_ERR_RPC
                || code == Error.ErrorNumber.VIR_ERR_NO_CONNECT || code == Error.ErrorNumber.VIR_ERR_INVALID_CONN;
    }

    private static Connect open(String uri) {
        try {
            Connect.setErrorCallback(SILENT);
            return new Connect(uri);
        } catch (LibvirtException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("the libvirt driver cannot connect to " + uri + " (is libvirtd running?"
                    + " ./kumo up starts it): " + e.getMessage(), e);
        }
    }
}
