package io.kumo.volume.application;

import io.kumo.common.contract.volume.StorageAnnounced;
import io.kumo.common.contract.volume.StoragePool;
import io.kumo.volume.domain.StoragePoolState;
import io.kumo.volume.persistence.StoragePoolRecords;
import io.kumo.volume.persistence.VolumeRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The backends storage hosts run, as they announce them, and the choice of one for a new volume (Cinder's
 * scheduler, reduced to its capacity filter and weigher): a pool that is up, of the wanted backend and
 * zone, with room under its over-subscription ratio; the one with the most free space wins.
 */
@Service
public class StoragePools {

    private final StoragePoolRecords pools;
    private final VolumeRecords volumes;
    private final VolumeSettings settings;
    private final Clock clock;

    StoragePools(StoragePoolRecords pools, VolumeRecords volumes, VolumeSettings settings, Clock clock) {
        this.pools = pools;
        this.volumes = volumes;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records the host's pools as seen now, by this service's clock when the announcement arrives (a host's
     * clock may be off; the host announces every 30 s, so one queued while this service was away is overtaken
     * within a minute).
     */
    @Transactional
    public void announced(StorageAnnounced announcement) {
        Instant now = clock.instant();
        for (StoragePool pool : announcement.pools()) {
            pools.save(announcement.host(), pool.backend(), pool.driver(), announcement.availabilityZone(),
                    pool.capacityGb(), pool.freeGb(), now);
        }
    }

    /** Every pool, up or not, with what is placed on it (for operators). */
    @Transactional(readOnly = true)
    public List<StoragePoolState> all() {
        return pools.all(volumes.allocatedPerPool());
    }

    /**
     * The pool a new volume of {@code sizeGb} goes to.
     *
     * @param backend the backend the volume type names, or null for any
     * @param zone    the availability zone asked for, or null for any
     * @return empty when no pool that is up can take it
     */
    @Transactional(readOnly = true)
    public Optional<StoragePoolState> choose(String backend, String zone, int sizeGb) {
        Instant upSince = clock.instant().minus(settings.poolDownAfter());
        return all().stream()
                .filter(p -> !p.seenAt().isBefore(upSince))
                .filter(p -> backend == null || backend.equals(p.backend()))
                .filter(p -> zone == null || zone.equals(p.availabilityZone()))
                .filter(p -> p.freeGb() >= sizeGb)
                .filter(p -> p.allocatedGb() + sizeGb <= p.capacityGb() * settings.maxOverSubscriptionRatio())
                .max(Comparator.comparingLong(StoragePoolState::freeGb)
                        .thenComparingLong(p -> -p.allocatedGb()));
    }

    /** Whether the pool a volume is on is up now. */
    @Transactional(readOnly = true)
    public boolean isUp(String host, String backend) {
        Instant upSince = clock.instant().minus(settings.poolDownAfter());
        return pools.all(Map.of()).stream().anyMatch(p -> p.host().equals(host) && p.backend().equals(backend)
                && !p.seenAt().isBefore(upSince));
    }
}
