package io.kumo.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A project's own limit for a resource, overriding the registered default. */
@Entity
@Table(name = "project_limits")
public class ProjectLimit {

    @Id
    private String id;
    private String projectId;
    private String serviceId;
    private String regionId;
    private String resourceName;
    private int resourceLimit;
    private String description;

    protected ProjectLimit() {
    }

    public ProjectLimit(String id, String projectId, String serviceId, String regionId, String resourceName,
            int resourceLimit, String description) {
        this.id = id;
        this.projectId = projectId;
        this.serviceId = serviceId;
        this.regionId = regionId == null ? "" : regionId;
        this.resourceName = resourceName;
        this.resourceLimit = resourceLimit;
        this.description = description;
    }

    public void update(Integer resourceLimit, String description) {
        if (resourceLimit != null) {
            this.resourceLimit = resourceLimit;
        }
        if (description != null) {
            this.description = description;
        }
    }

    public String id() { return id; }
    public String projectId() { return projectId; }
    public String serviceId() { return serviceId; }
    public String regionId() { return regionId.isEmpty() ? null : regionId; }
    public String resourceName() { return resourceName; }
    public int resourceLimit() { return resourceLimit; }
    public String description() { return description; }
}
