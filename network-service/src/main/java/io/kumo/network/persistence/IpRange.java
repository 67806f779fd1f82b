package io.kumo.network.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Free addresses of a subnet, {@code firstIp}..{@code lastIp} inclusive. */
@Entity
@Table(name = "ip_availability")
public class IpRange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String subnetId;
    private long firstIp;
    private long lastIp;

    protected IpRange() {
    }

    public IpRange(String subnetId, long firstIp, long lastIp) {
        this.subnetId = subnetId;
        this.firstIp = firstIp;
        this.lastIp = lastIp;
    }

    /** Takes the first address; false when that was the last one (the range is then empty). */
    public boolean takeFirst() {
        if (firstIp == lastIp) {
            return false;
        }
        firstIp++;
        return true;
    }

    /** Ends the range before {@code address}; returns the range after it, or null if there is none. */
    public IpRange splitAround(long address) {
        IpRange after = address < lastIp ? new IpRange(subnetId, address + 1, lastIp) : null;
        lastIp = address - 1;
        return after;
    }

    public boolean isEmpty() {
        return lastIp < firstIp;
    }

    public long firstIp() { return firstIp; }
    public long lastIp() { return lastIp; }
}
