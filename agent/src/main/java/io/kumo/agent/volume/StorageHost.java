package io.kumo.agent.volume;

import io.kumo.common.contract.volume.StorageAnnounced;
import io.kumo.common.contract.volume.StoragePool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage role of this agent: the host volume-service addresses volume commands to ({@code agent.host},
 * whatever hypervisor hosts the process serves besides) and the volume backends it runs there, by name. With no
 * backend the agent is no storage host and announces no storage.
 */
public final class StorageHost {

    private static final Logger log = LoggerFactory.getLogger(StorageHost.class);

    private final String name;
    private final String availabilityZone;
    private final Map<String, VolumeBackend> backends;

    public StorageHost(String name, String availabilityZone, List<VolumeBackend> backends) {
        Map<String, VolumeBackend> byName = new LinkedHashMap<>();
        for (VolumeBackend backend : backends) {
            if (byName.put(backend.name(), backend) != null) {
                throw new IllegalArgumentException("volume backend " + backend.name() + " is configured twice");
            }
        }
        this.name = name;
        this.availabilityZone = availabilityZone;
        this.backends = Collections.unmodifiableMap(byName);
    }

    public String name() {
        return name;
    }

    /** True when the host runs at least one volume backend. */
    public boolean isStorageHost() {
        return !backends.isEmpty();
    }

    public Optional<VolumeBackend> backend(String backendName) {
        return Optional.ofNullable(backendName == null ? null : backends.get(backendName));
    }

    public List<String> backendNames() {
        return List.copyOf(backends.keySet());
    }

    /**
     * The host's backends and how full they are now. A backend whose storage cannot be read (an NFS server
     * gone) is left out, so volume-service stops choosing it, and said in the log.
     */
    public StorageAnnounced announcement(Instant at) {
        List<StoragePool> pools = new ArrayList<>();
        for (VolumeBackend backend : backends.values()) {
            try {
                pools.add(backend.capacity());
            } catch (RuntimeException e) {
                log.warn("Volume backend {} left out of the storage announcement: {}", backend.name(), e.getMessage());
            }
        }
        return new StorageAnnounced(name, availabilityZone, pools, at);
    }
}
