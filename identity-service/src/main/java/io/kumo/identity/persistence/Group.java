package io.kumo.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "user_groups")
public class Group {

    @Id
    private String id;
    private String name;
    private String domainId;
    private String description;

    protected Group() {
    }

    public Group(String id, String name, String domainId, String description) {
        this.id = id;
        this.name = name;
        this.domainId = domainId;
        this.description = description;
    }

    public void update(String name, String description) {
        if (name != null) {
            this.name = name;
        }
        if (description != null) {
            this.description = description;
        }
    }

    public String id() { return id; }
    public String name() { return name; }
    public String domainId() { return domainId; }
    public String description() { return description; }
}
