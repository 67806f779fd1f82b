package io.kumo.network.persistence;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A security group applied to a port. */
@Entity
@Table(name = "port_security_groups")
public class PortSecurityGroup {

    @EmbeddedId
    private Key key;

    protected PortSecurityGroup() {
    }

    public PortSecurityGroup(String portId, String securityGroupId) {
        this.key = new Key(portId, securityGroupId);
    }

    public String portId() { return key.portId; }
    public String securityGroupId() { return key.securityGroupId; }

    @Embeddable
    public static class Key implements Serializable {
        private String portId;
        private String securityGroupId;

        protected Key() {
        }

        public Key(String portId, String securityGroupId) {
            this.portId = portId;
            this.securityGroupId = securityGroupId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.portId.equals(portId) && k.securityGroupId.equals(securityGroupId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(portId, securityGroupId);
        }
    }
}
