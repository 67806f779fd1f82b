package io.kumo.agent.volume;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the ids of volumes, snapshots and images before they become file names, device names or tool
 * arguments on the host: only a canonical UUID passes, so no id can climb out of a backend's directory
 * ({@code ../}), name a hidden file or look like an option to a tool.
 */
public final class VolumeIds {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private VolumeIds() {
    }

    /**
     * The id in lower case, as OpenStack writes UUIDs.
     *
     * @param what what the id names, for the message ("volume", "snapshot")
     * @throws VolumeFailure when it is not a UUID
     */
    public static String require(String what, String id) {
        if (id == null || !UUID.matcher(id).matches()) {
            throw new VolumeFailure(what + " id " + (id == null ? "(none)" : "'" + printable(id) + "'")
                    + " is not a UUID");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    private static String printable(String id) {
        String shown = id.length() > 80 ? id.substring(0, 80) + "…" : id;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
