package io.kumo.network.persistence;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An address held by a port; the primary key (subnet, address) is the last word on "never twice". */
@Entity
@Table(name = "ip_allocations")
public class IpAllocation {

    @EmbeddedId
    private Key key;
    private String portId;
    private String networkId;

    protected IpAllocation() {
    }

    public IpAllocation(String subnetId, long ipAddress, String portId, String networkId) {
        this.key = new Key(subnetId, ipAddress);
        this.portId = portId;
        this.networkId = networkId;
    }

    public String subnetId() { return key.subnetId; }
    public long ipAddress() { return key.ipAddress; }
    public String portId() { return portId; }

    @Embeddable
    public static class Key implements Serializable {
        private String subnetId;
        private long ipAddress;

        protected Key() {
        }

        public Key(String subnetId, long ipAddress) {
            this.subnetId = subnetId;
            this.ipAddress = ipAddress;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.subnetId.equals(subnetId) && k.ipAddress == ipAddress;
        }

        @Override
        public int hashCode() {
            return Objects.hash(subnetId, ipAddress);
        }
    }
}
