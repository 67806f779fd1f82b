package io.kumo.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A service in the catalog (Keystone's "service"): a type such as compute, and a name such as nova. */
@Entity
@Table(name = "services")
public class CatalogService {

    @Id
    private String id;
    private String type;
    private String name;
    private String description;
    private boolean enabled;

    protected CatalogService() {
    }

    public CatalogService(String id, String type, String name, String description, boolean enabled) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.description = description;
        this.enabled = enabled;
    }

    public void update(String type, String name, String description, Boolean enabled) {
        if (type != null) {
            this.type = type;
        }
        if (name != null) {
            this.name = name;
        }
        if (description != null) {
            this.description = description;
        }
        if (enabled != null) {
            this.enabled = enabled;
        }
    }

    public String id() { return id; }
    public String type() { return type; }
    public String name() { return name; }
    public String description() { return description; }
    public boolean enabled() { return enabled; }
}
