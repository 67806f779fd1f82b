package io.kumo.network.persistence;

import io.kumo.network.domain.NetworkAttributes;
import io.kumo.network.domain.NetworkType;
import io.kumo.network.domain.Segment;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Neutron network; its segment is fixed at creation. */
@Entity
@Table(name = "networks")
public class Network extends StandardAttributes {

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
        created(now);
        apply(attributes, now);
    }

    public void apply(NetworkAttributes a, Instant now) {
        this.name = a.name();
        this.description = a.description();
        this.adminStateUp = a.adminStateUp();
        this.shared = a.shared();
        this.routerExternal = a.routerExternal();
        this.portSecurityEnabled = a.portSecurityEnabled();
        changed(now);
    }

    public NetworkAttributes attributes() {
        return new NetworkAttributes(name, description, adminStateUp, shared, routerExternal, portSecurityEnabled);
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
}
