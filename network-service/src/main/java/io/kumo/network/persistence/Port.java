package io.kumo.network.persistence;

import io.kumo.network.domain.AddressPair;
import io.kumo.network.domain.PortAttributes;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A Neutron port: a MAC unique in the deployment, addresses on its network's subnets, a binding. */
@Entity
@Table(name = "ports")
public class Port extends StandardAttributes {

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

    protected Port() {
    }

    public Port(String id, String networkId, String projectId, String macAddress, PortAttributes attributes,
            Instant now) {
        this.id = id;
        this.networkId = networkId;
        this.projectId = projectId;
        this.macAddress = macAddress;
        this.status = "DOWN";
        created(now);
        apply(attributes, now);
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
        changed(now);
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


    @Override
    public String getId() {
        return id;
    }

    public String id() { return id; }
    public String networkId() { return networkId; }
    public String projectId() { return projectId; }
    public String macAddress() { return macAddress; }
    public String status() { return status; }
}
