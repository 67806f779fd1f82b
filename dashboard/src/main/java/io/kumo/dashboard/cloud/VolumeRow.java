package io.kumo.dashboard.cloud;

/** A volume as the volumes page lists it; {@code attachedTo} is the server's id while it is in use. */
public record VolumeRow(String id, String name, String status, int sizeGb, String attachedTo, String device,
        String created) {

    public boolean available() {
        return "available".equals(status);
    }

    /** What a picker shows: the name, else the id. */
    public String label() {
        return (name == null || name.isBlank() ? id : name) + " (" + sizeGb + " GB)";
    }
}
