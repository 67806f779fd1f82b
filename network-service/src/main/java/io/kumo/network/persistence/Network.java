package io.kumo.network.persistence;

import io.kumo.network.domain.NetworkAttributes;
import io.kumo.network.domain.NetworkType;
import io.kumo.network.domain.Segment;
import io.kumo.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Neutron network; its segment is fixed at creation. */
@Entity
@Table(name = "networks")
public class Network extends AssignedIdEntity {

    @Id
    private String id;
    private String name;
    private String description;
    private String projectId;
    private boolean adminStateUp;
    private boolean shared;
    private boolean routerExternal;
    private boolean portSecurityEnabled;
    private int mtu;
    private String status;
    private String networkType;
    private String physicalNetwork;
    private Long segmentationId;
    private String tags;
    private Instant createdAt;
    private Instant updatedAt;
    @Column(name = "revision_number")
    private long revision;

    protected Network() {
    }

    public Network(String id, String projectId, NetworkAttributes attributes, Segment segment, int mtu, Instant now) {
        this.id = id;
        this.projectId = projectId;
        this.networkType = segment.type().wire();
        this.physicalNetwork = segment.physicalNetwork();
        this.segmentationId = segment.segmentationId();
        this.mtu = mtu;
        this.status = "ACTIVE";
        this.createdAt = now;
        apply(attributes, now);
        this.revision = 1;
    }

    public void apply(NetworkAttributes a, Instant now) {
        this.name = a.name();
        this.description = a.description();
        this.adminStateUp = a.adminStateUp();
        this.shared = a.shared();
        this.routerExternal = a.routerExternal();
        this.portSecurityEnabled = a.portSecurityEnabled();
        this.updatedAt = now;
        this.revision++;
    }

    public NetworkAttributes attributes() {
        return new NetworkAttributes(name, description, adminStateUp, shared, routerExternal, portSecurityEnabled);
    }

    public java.util.List<String> tags() {
        return io.kumo.network.domain.Tags.decode(tags);
    }

    /** Replaces the tags (validated); the revision moves, as Neutron's does. */
    public void retag(java.util.List<String> newTags, Instant now) {
        this.tags = io.kumo.network.domain.Tags.encode(newTags);
        this.updatedAt = now;
        this.revision++;
    }

    @Override
    public String getId() {
        return id;
    }

    public String id() { return id; }
    public String projectId() { return projectId; }
    public int mtu() { return mtu; }
    public String status() { return status; }
    public Segment segment() {
        return new Segment(NetworkType.fromWire(networkType), physicalNetwork, segmentationId);
    }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long revision() { return revision; }
}
