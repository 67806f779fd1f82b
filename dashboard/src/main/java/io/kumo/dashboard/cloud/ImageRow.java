package io.kumo.dashboard.cloud;

/**
 * An image the project sees. {@code kind} is what a launch makes of it: the image's {@code hypervisor_type}
 * property (a container runtime or a VM hypervisor), null when the flavor decides.
 */
public record ImageRow(String id, String name, String status, long sizeBytes, String diskFormat, String visibility,
        String kind, boolean own) {

    /** What the launch form's picker shows. */
    public String label() {
        return (name == null || name.isBlank() ? id : name) + (kind == null ? "" : " (" + kind + ")");
    }

    public String size() {
        if (sizeBytes >= 1 << 30) {
            return String.format("%.1f GiB", sizeBytes / (double) (1 << 30));
        }
        return sizeBytes >= 1 << 20 ? String.format("%.1f MiB", sizeBytes / (double) (1 << 20))
                : sizeBytes + " bytes";
    }
}
