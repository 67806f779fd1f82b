package io.kumo.volume.persistence;

import java.sql.Timestamp;
import java.time.Instant;

/** Instants to and from the database's UTC DATETIME(6) columns. */
final class Timestamps {

    private Timestamps() {
    }

    static Timestamp of(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
