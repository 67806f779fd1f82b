package io.kumo.volume.persistence;

import io.kumo.volume.domain.StoragePoolState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The storage pools hosts announced, one row per host and backend. */
@Repository
public class StoragePoolRecords {

    private final NamedParameterJdbcTemplate jdbc;

    public StoragePoolRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an announcement: the row is made or brought up to date. */
    public void save(String host, String backend, String driver, String availabilityZone, long capacityGb,
            long freeGb, Instant seenAt) {
        MapSqlParameterSource p = new MapSqlParameterSource("host", host).addValue("backend", backend)
                .addValue("driver", driver).addValue("az", availabilityZone).addValue("capacity", capacityGb)
                .addValue("free", freeGb).addValue("seen", Timestamps.of(seenAt));
        int updated = jdbc.update("UPDATE storage_pools SET driver = :driver, availability_zone = :az,"
                + " capacity_gb = :capacity, free_gb = :free, seen_at = :seen"
                + " WHERE host = :host AND backend = :backend AND seen_at <= :seen", p);
        if (updated == 0) {
            jdbc.update("INSERT IGNORE INTO storage_pools (host, backend, driver, availability_zone, capacity_gb,"
                    + " free_gb, seen_at) VALUES (:host, :backend, :driver, :az, :capacity, :free, :seen)", p);
        }
    }

    /** Every pool with what is placed on it. */
    public List<StoragePoolState> all(Map<String, Long> allocatedPerPool) {
        return jdbc.query("SELECT host, backend, driver, availability_zone, capacity_gb, free_gb, seen_at"
                + " FROM storage_pools ORDER BY host, backend", (rs, n) -> new StoragePoolState(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                        Timestamps.instant(rs.getTimestamp(7)),
                        allocatedPerPool.getOrDefault(rs.getString(1) + "\n" + rs.getString(2), 0L)));
    }
}
