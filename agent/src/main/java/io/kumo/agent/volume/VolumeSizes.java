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

    /**
     * @param what        the source, for the message ("snapshot &lt;id&gt;")
     * @param sourceBytes the size of the disk a volume of {@code sizeGb} GiB is made from
     * @throws VolumeFailure when the source is larger than the volume
     */
    public static void requireHolds(int sizeGb, String what, long sourceBytes) {
        if (sourceBytes > bytes(sizeGb)) {
            throw new VolumeFailure("a volume of " + sizeGb + " GiB cannot hold " + what + ", which is " + sourceBytes
                    + " bytes: make it at least " + gibHolding(sourceBytes) + " GiB");
        }
    }
}
