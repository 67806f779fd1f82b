package io.kumo.agent.driver;

/**
 * What operators see of a host's hypervisor in os-hypervisors (Nova's {@code get_available_resource}
 * fields): facts for people, unlike {@link DriverCapabilities}, which the scheduler acts on.
 *
 * @param type    QEMU, container, fake, ...
 * @param version the version as one number, libvirt's style (9000000 for 9.0.0)
 * @param cpuInfo the host CPU as a JSON string (arch, model, vendor, topology), as Nova shows it
 */
public record HypervisorInfo(String type, long version, String cpuInfo) {

    /** A CPU of this machine's architecture with {@code cores} cores, in Nova's cpu_info shape. */
    public static String cpuInfo(String model, String vendor, int cores) {
        String arch = System.getProperty("os.arch", "x86_64");
        arch = arch.equals("amd64") ? "x86_64" : arch.equals("arm64") ? "aarch64" : arch;
        return "{\"arch\": \"" + arch + "\", \"model\": \"" + model + "\", \"vendor\": \"" + vendor
                + "\", \"topology\": {\"sockets\": 1, \"cores\": " + cores + ", \"threads\": 1}, \"features\": []}";
    }
}
