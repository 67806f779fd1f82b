package io.kumo.agent.driver.libvirt;

import io.kumo.agent.driver.FileTail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether KVM really works on this host: {@code /dev/kvm} may exist while KVM hangs (seen on the machines
 * Kumo is developed on), so the agent boots a kernel under KVM through libvirt with {@code panic=-1} and no
 * root file system — it panics and the transient domain powers off within a second where KVM works — and
 * judges KVM broken when that does not happen within the timeout (the domain is then destroyed). The
 * verdict is kept for the rest of the host's boot.
 */
final class KvmProbe {

    private static final Logger log = LoggerFactory.getLogger(KvmProbe.class);

    private KvmProbe() {
    }

    /**
     * {@code kvm} when the test boot finished in time, else {@code qemu}; the reason is logged. A test boot's
     * verdict holds until the host boots again (it is kept with the kernel's boot id in the state dir), so an
     * agent restarted on a host where KVM hangs does not wait out the timeout again.
     */
    static String domainType(LibvirtDomains domains, LibvirtSettings settings) {
        Path verdicts = settings.stateDir().resolve("kvm-probe.verdict");
        Optional<String> boot = bootId();
        Optional<String> earlier = boot.flatMap(id -> earlierVerdict(verdicts, id));
        if (earlier.isPresent()) {
            log.info("KVM was probed since this host booted: VMs run as {} domains", earlier.get());
            return earlier.get();
        }
        Optional<String> verdict = testBoot(domains, settings);
        if (verdict.isPresent() && boot.isPresent()) {
            try {
                Files.writeString(verdicts, boot.get() + " " + verdict.get() + "\n");
            } catch (IOException e) {
                log.warn("The KVM verdict could not be kept in {}: {}", verdicts, e.getMessage());
            }
        }
        return verdict.orElse("qemu");
    }

    /** The test boot's verdict; empty when it could not be made (the host is then not judged, TCG is used). */
    private static Optional<String> testBoot(LibvirtDomains domains, LibvirtSettings settings) {
        if (!Files.exists(Path.of("/dev/kvm"))) {
            log.info("No /dev/kvm on this host: VMs run under QEMU's TCG emulation");
            return Optional.of("qemu");
        }
        Optional<Path> kernel = settings.probeKernel() != null ? Optional.of(settings.probeKernel()) : newestKernel();
        if (kernel.isEmpty() || !Files.isReadable(kernel.get())) {
            log.warn("No kernel to probe KVM with (agent.libvirt.probe-kernel, /boot/vmlinuz-*): VMs run under TCG");
            return Optional.empty();
        }
        String uuid = UUID.randomUUID().toString();
        Path console = settings.stateDir().resolve("kvm-probe.log");
        long started = System.nanoTime();
        try {
            Files.deleteIfExists(console);
            domains.createTransient(DomainXml.probe(uuid, kernel.get(), console));
            long deadline = started + settings.kvmProbeTimeout().toNanos();
            while (domains.exists(uuid) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            boolean finished = !domains.exists(uuid);
            if (!finished) {
                domains.destroy(uuid);
            }
            boolean booted = FileTail.of(console, 64 * 1024).contains("Kernel panic");
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (finished && booted) {
                log.info("KVM works: a test boot under KVM finished in {} ms", millis);
                return Optional.of("kvm");
            }
            log.warn("KVM does not work on this host (/dev/kvm exists, but a test boot under KVM {} in {} ms): VMs"
                    + " run under QEMU's TCG emulation", finished ? "ended without booting" : "did not finish", millis);
            return Optional.of("qemu");
        } catch (RuntimeException | IOException e) {
            log.warn("KVM could not be probed ({}): VMs run under QEMU's TCG emulation", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** This boot of the host's kernel. */
    static Optional<String> bootId() {
        try {
            return Optional.of(Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> earlierVerdict(Path verdicts, String bootId) {
        try {
            String[] kept = Files.readString(verdicts).strip().split(" ");
            return kept.length == 2 && kept[0].equals(bootId) && (kept[1].equals("kvm") || kept[1].equals("qemu"))
                    ? Optional.of(kept[1]) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> newestKernel() {
        try (Stream<Path> boot = Files.list(Path.of("/boot"))) {
            return boot.filter(p -> p.getFileName().toString().startsWith("vmlinuz-"))
                    .max(Comparator.comparing(p -> p.getFileName().toString(), KvmProbe::compareVersions));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Compares kernel file names by their version numbers (6.1.0-10 before 6.1.0-9 is wrong). */
    static int compareVersions(String a, String b) {
        List<String> left = List.of(a.split("[^0-9]+"));
        List<String> right = List.of(b.split("[^0-9]+"));
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            if (left.get(i).isEmpty() || right.get(i).isEmpty()) {
                continue;
            }
            int c = Long.compare(Long.parseLong(left.get(i)), Long.parseLong(right.get(i)));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.size(), right.size());
    }
}
