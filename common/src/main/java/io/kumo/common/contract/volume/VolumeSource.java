package io.kumo.common.contract.volume;

/**
 * What a new volume starts with.
 *
 * @param kind what {@code id} names
 * @param id   the snapshot, volume or image to copy (null for a blank volume)
 */
public record VolumeSource(Kind kind, String id) {

    public enum Kind { BLANK, SNAPSHOT, VOLUME, IMAGE }

    public static VolumeSource blank() {
        return new VolumeSource(Kind.BLANK, null);
    }
}
