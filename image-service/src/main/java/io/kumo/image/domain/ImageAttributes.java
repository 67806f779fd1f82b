package io.kumo.image.domain;

import java.util.Map;
import java.util.Set;

/** The user-settable part of an image: what create sets and PATCH changes. */
public record ImageAttributes(String name, Visibility visibility, boolean protectedFromDeletion, boolean osHidden,
        String diskFormat, String containerFormat, int minRam, int minDisk, Map<String, String> properties,
        Set<String> tags) {
}
