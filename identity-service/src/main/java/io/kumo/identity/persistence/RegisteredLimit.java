package io.kumo.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The default limit of a resource for every project (unified limits); region "" = every region. */
@Entity
@Table(name = "registered_limits")
public class RegisteredLimit {

    @Id
    private String id;
    private String serviceId;
    private String regionId;
    private String resourceName;
    private int defaultLimit;
    private String description;

    protected RegisteredLimit() {
    }

    public RegisteredLimit(String id, String serviceId, String regionId, String resourceName, int defaultLimit,
            String description) {
        this.id = id;
        this.serviceId = serviceId;
        this.regionId = regionId == null ? "" : regionId;
        this.resourceName = resourceName;
        this.defaultLimit = defaultLimit;
        this.description = description;
    }

    public void update(Integer defaultLimit, String description) {
        if (defaultLimit != null) {
            this.defaultLimit = defaultLimit;
        }
        if (description != null) {
            this.description = description;
        }
    }

    public String id() { return id; }
    public String serviceId() { return serviceId; }
    public String regionId() { return regionId.isEmpty() ? null : regionId; }
    public String resourceName() { return resourceName; }
    public int defaultLimit() { return defaultLimit; }
    public String description() { return description; }
}
