package io.kumo.agent.volume;

/**
 * Sizes as volume-service gives them (whole GiB, Cinder's "GB") and as files have them (bytes), in one place so
 * that every check and message rounds the same way.
 */
public final class VolumeSizes {

    private static final long GIB = 1L << 30;

    private VolumeSizes() {
    }

    /**
     * A volume's size in bytes.
     *
     * @throws VolumeFailure when it is not at least 1 GiB
     */
    public static long bytes(int sizeGb) {
        if (sizeGb < 1) {
            throw new VolumeFailure("a volume's size must be at least 1 GiB, not " + sizeGb);
        }
        return sizeGb * GIB;
    }

    /** The smallest volume that holds {@code bytes}, in GiB. */
    public static long gibHolding(long bytes) {
        return (bytes + GIB - 1) / GIB;
    }
}
