package io.kumo.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Having the prior role implies having the implied one (admin ⇒ member ⇒ reader). */
@Entity
@Table(name = "implied_roles")
@IdClass(ImpliedRole.Key.class)
public class ImpliedRole {

    @Id
    private String priorRoleId;
    @Id
    private String impliedRoleId;

    protected ImpliedRole() {
    }

    public ImpliedRole(String priorRoleId, String impliedRoleId) {
        this.priorRoleId = priorRoleId;
        this.impliedRoleId = impliedRoleId;
    }

    public String priorRoleId() { return priorRoleId; }
    public String impliedRoleId() { return impliedRoleId; }

    public record Key(String priorRoleId, String impliedRoleId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
