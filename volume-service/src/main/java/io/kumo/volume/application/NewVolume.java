package io.kumo.volume.application;

import java.util.Map;

/**
 * A volume create request as the API understood it.
 *
 * @param sizeGb      null when the volume takes its source's size
 * @param type        a volume type's name or id; null for the default (or the source's type)
 * @param snapshotId  copy this snapshot
 * @param sourceVolId copy this volume
 * @param imageId     copy this image (a bootable volume)
 */
public record NewVolume(String name, String description, Integer sizeGb, String type, String availabilityZone,
        Map<String, String> metadata, String snapshotId, String sourceVolId, String imageId) {

    public NewVolume {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
