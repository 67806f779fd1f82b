package io.kumo.identity.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "endpoints")
public class Endpoint {

    @Id
    private String id;
    private String serviceId;
    @Column(name = "interface")
    private String iface;
    private String regionId;
    private String url;
    private boolean enabled;

    protected Endpoint() {
    }

    public Endpoint(String id, String serviceId, String iface, String regionId, String url, boolean enabled) {
        this.id = id;
        this.serviceId = serviceId;
        this.iface = iface;
        this.regionId = regionId;
        this.url = url;
        this.enabled = enabled;
    }

    public void update(String serviceId, String iface, String regionId, String url, Boolean enabled) {
        if (serviceId != null) {
            this.serviceId = serviceId;
        }
        if (iface != null) {
            this.iface = iface;
        }
        if (regionId != null) {
            this.regionId = regionId;
        }
        if (url != null) {
            this.url = url;
        }
        if (enabled != null) {
            this.enabled = enabled;
        }
    }

    public String id() { return id; }
    public String serviceId() { return serviceId; }
    public String iface() { return iface; }
    public String regionId() { return regionId; }
    public String url() { return url; }
    public boolean enabled() { return enabled; }
}
