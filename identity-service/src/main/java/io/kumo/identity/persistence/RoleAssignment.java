package io.kumo.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role granted to a user or group on a project, a domain or the system. */
@Entity
@Table(name = "role_assignments")
public class RoleAssignment {

    public static final String USER = "user";
    public static final String GROUP = "group";
    public static final String PROJECT = "project";
    public static final String DOMAIN = "domain";
    public static final String SYSTEM = "system";
    public static final String SYSTEM_ALL = "all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String actorType;
    private String actorId;
    private String targetType;
    private String targetId;
    private String roleId;

    protected RoleAssignment() {
    }

    public RoleAssignment(String actorType, String actorId, String targetType, String targetId, String roleId) {
        this.actorType = actorType;
        this.actorId = actorId;
        this.targetType = targetType;
        this.targetId = targetId;
        this.roleId = roleId;
    }

    public String actorType() { return actorType; }
    public String actorId() { return actorId; }
    public String targetType() { return targetType; }
    public String targetId() { return targetId; }
    public String roleId() { return roleId; }
}
