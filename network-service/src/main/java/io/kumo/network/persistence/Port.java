package io.kumo.network.persistence;

import io.kumo.network.domain.AddressPair;
import io.kumo.network.domain.PortAttributes;
import io.kumo.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A Neutron port: a MAC unique in the deployment, addresses on its network's subnets, a binding. */
@Entity
@Table(name = "ports")
public class Port extends AssignedIdEntity {

    @Id
    private String id;
    private String networkId;
    private String projectId;
    private String name;
    private String description;
    private String macAddress;
    private boolean adminStateUp;
    private String status;
    private String deviceId;
    private String deviceOwner;
    private String bindingHostId;
    private boolean portSecurityEnabled;
    private String allowedAddressPairs;
    private String tags;
    private Instant createdAt;
    private Instant updatedAt;
    @Column(name = "revision_number")
    private long revision;

    protected Port() {
    }

    public Port(String id, String networkId, String projectId, String macAddress, PortAttributes attributes,
            Instant now) {
        this.id = id;
        this.networkId = networkId;
        this.projectId = projectId;
        this.macAddress = macAddress;
        this.status = "DOWN";
        this.createdAt = now;
        apply(attributes, now);
        this.revision = 1;
    }

    public void apply(PortAttributes a, Instant now) {
        this.name = a.name();
        this.description = a.description();
        this.adminStateUp = a.adminStateUp();
        this.deviceId = a.deviceId();
        this.deviceOwner = a.deviceOwner();
        this.bindingHostId = a.bindingHostId();
        this.portSecurityEnabled = a.portSecurityEnabled();
        this.allowedAddressPairs = String.join(",", a.allowedAddressPairs().stream()
                .map(p -> p.ipAddress() + "|" + p.macAddress()).toList());
        this.updatedAt = now;
        this.revision++;
    }

    public PortAttributes attributes() {
        List<AddressPair> pairs = new ArrayList<>();
        if (allowedAddressPairs != null && !allowedAddressPairs.isEmpty()) {
            for (String pair : allowedAddressPairs.split(",")) {
                String[] parts = pair.split("\\|", 2);
                pairs.add(new AddressPair(parts[0], parts[1]));
            }
        }
        return new PortAttributes(name, description, adminStateUp, deviceId, deviceOwner, bindingHostId,
                portSecurityEnabled, pairs);
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
    public String networkId() { return networkId; }
    public String projectId() { return projectId; }
    public String macAddress() { return macAddress; }
    public String status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long revision() { return revision; }
}
