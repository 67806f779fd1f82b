package io.kumo.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "regions")
public class Region {

    @Id
    private String id;
    private String description;
    private String parentRegionId;

    protected Region() {
    }

    public Region(String id, String description, String parentRegionId) {
        this.id = id;
        this.description = description;
        this.parentRegionId = parentRegionId;
    }

    public void update(String description, String parentRegionId) {
        if (description != null) {
            this.description = description;
        }
        if (parentRegionId != null) {
            this.parentRegionId = parentRegionId;
        }
    }

    public String id() { return id; }
    public String description() { return description; }
    public String parentRegionId() { return parentRegionId; }
}
