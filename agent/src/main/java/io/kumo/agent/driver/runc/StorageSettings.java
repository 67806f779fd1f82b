package io.kumo.agent.driver.runc;

/**
 * Where containers' root filesystems live.
 *
 * @param kind       {@code btrfs}: a subvolume per image and an instant snapshot of it per container with a
 *                   quota; {@code ext4}: a loop-mounted sparse ext4 image per container, filled from the image;
 *                   {@code auto}: btrfs when its pool can be set up, else ext4
 * @param poolDevice the block device holding the btrfs pool; empty: a sparse file in the state dir
 * @param poolGb     the size of that file
 */
public record StorageSettings(String kind, String poolDevice, int poolGb) {

    public static final String AUTO = "auto";
    public static final String BTRFS = "btrfs";
    public static final String EXT4 = "ext4";

    public StorageSettings {
        if (!kind.equals(AUTO) && !kind.equals(BTRFS) && !kind.equals(EXT4)) {
            throw new IllegalArgumentException("agent.runc.storage is auto, btrfs or ext4, not '" + kind + "'");
        }
        poolDevice = poolDevice == null ? "" : poolDevice;
    }

    public static StorageSettings ext4() {
        return new StorageSettings(EXT4, "", 0);
    }

    public static StorageSettings btrfs(int poolGb) {
        return new StorageSettings(BTRFS, "", poolGb);
    }
}
