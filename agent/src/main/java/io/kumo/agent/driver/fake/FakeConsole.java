package io.kumo.agent.driver.fake;

import io.kumo.agent.driver.InstanceInfo;
import io.kumo.common.contract.host.BuildServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The serial console of a fake guest: what a small Linux guest prints as the driver boots, stops and
 * reboots it (kernel banner, its NICs with MAC and addresses, the config drive, a login prompt), so
 * {@code os-getConsoleOutput} shows what really happened to the instance. Keeps the last
 * {@value #MAX_LINES} lines, as a hypervisor's console log is rotated.
 */
final class FakeConsole {

    static final int MAX_LINES = 1000;

    private final Deque<String> lines = new ArrayDeque<>();
    private final long createdNanos = System.nanoTime();

    synchronized void boot(InstanceInfo instance) {
        print("Linux version 6.1.0-kumo (fake hypervisor) #1 SMP");
        print("Command line: console=ttyS0 root=/dev/vda1 ro");
        BuildServer.ImageSpec image = instance.image();
        print("kumo-fake: instance " + instance.uuid() + " booting image " + (image == null ? "-" : image.id()));
        List<BuildServer.PortSpec> ports = instance.ports();
        for (int i = 0; i < ports.size(); i++) {
            BuildServer.PortSpec port = ports.get(i);
            print("eth" + i + ": link up, " + port.macAddress() + ", mtu " + port.mtu() + ", "
                    + String.join(" ", port.fixedIps().stream().map(BuildServer.FixedIp::ipAddress).toList()));
        }
        print("cloud-init: config drive with " + instance.configDriveFiles().size() + " files");
        lines.addLast(instance.name() + " login: ");
        trim();
    }

    synchronized void powerDown() {
        print("reboot: Power down");
    }

    synchronized void restart() {
        print("reboot: Restarting system");
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** A kernel-style line, stamped with the seconds since the guest was created. */
    private void print(String text) {
        double seconds = (System.nanoTime() - createdNanos) / 1e9;
        lines.addLast(String.format(Locale.ROOT, "[%12.6f] %s", seconds, text));
        trim();
    }

    private void trim() {
        while (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
    }
}
