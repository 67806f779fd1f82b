package io.kumo.network.persistence;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A segment taken by a network; the primary key is what keeps it from being given twice. */
@Entity
@Table(name = "network_segments")
public class NetworkSegment {

    @EmbeddedId
    private Key key;
    private String networkId;

    protected NetworkSegment() {
    }

    public NetworkSegment(String type, String physicalNetwork, long segmentationId, String networkId) {
        this.key = new Key(type, physicalNetwork, segmentationId);
        this.networkId = networkId;
    }

    @Embeddable
    public static class Key implements Serializable {
        private String networkType;
        private String physicalNetwork;
        private long segmentationId;

        protected Key() {
        }

        public Key(String networkType, String physicalNetwork, long segmentationId) {
            this.networkType = networkType;
            this.physicalNetwork = physicalNetwork;
            this.segmentationId = segmentationId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.networkType.equals(networkType) && k.physicalNetwork.equals(physicalNetwork)
                    && k.segmentationId == segmentationId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(networkType, physicalNetwork, segmentationId);
        }
    }
}
