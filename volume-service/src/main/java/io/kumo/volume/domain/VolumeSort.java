package io.kumo.volume.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The order of a volume list: one of Cinder's sort keys, ascending or descending, with the id (in the same
 * direction) breaking ties, so that a marker names one place in the order. Cinder's default is newest first.
 */
public record VolumeSort(Key key, boolean ascending) {

    public static final VolumeSort NEWEST_FIRST = new VolumeSort(Key.CREATED_AT, false);

    /** A sort key as the API names it, and what it orders by. */
    public enum Key {
        CREATED_AT("created_at"), UPDATED_AT("updated_at"), NAME("name"), ID("id"), SIZE("size"), STATUS("status"),
        AVAILABILITY_ZONE("availability_zone");

        private final String wire;

        Key(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Key> ofWire(String wire) {
            return Arrays.stream(values()).filter(k -> k.wire.equals(wire.toLowerCase(Locale.ROOT))).findFirst();
        }

        /** The volume's value under this key, as the list compares it (never null). */
        public Comparable<?> valueOf(Volume v) {
            return switch (this) {
                case CREATED_AT -> v.createdAt();
                case UPDATED_AT -> v.updatedAt() == null ? v.createdAt() : v.updatedAt();
                case NAME -> v.name() == null ? "" : v.name();
                case ID -> v.id();
                case SIZE -> v.sizeGb();
                case STATUS -> v.status().wire();
                case AVAILABILITY_ZONE -> v.availabilityZone() == null ? "" : v.availabilityZone();
            };
        }
    }
}
