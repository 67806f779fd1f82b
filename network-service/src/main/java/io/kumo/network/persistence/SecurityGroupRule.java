package io.kumo.network.persistence;

import io.kumo.common.persistence.AssignedIdEntity;
import io.kumo.network.domain.RuleSpec;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One rule of a security group; rules are created and deleted, never changed. */
@Entity
@Table(name = "security_group_rules")
public class SecurityGroupRule extends AssignedIdEntity {

    @Id
    private String id;
    private String securityGroupId;
    private String projectId;
    private String direction;
    private String ethertype;
    private String protocol;
    private Integer portRangeMin;
    private Integer portRangeMax;
    private String remoteIpPrefix;
    private String remoteGroupId;
    private String description;
    private String fingerprint;
    private Instant createdAt;
    private Instant updatedAt;
    @Column(name = "revision_number")
    private long revision;

    protected SecurityGroupRule() {
    }

    public SecurityGroupRule(String id, String securityGroupId, String projectId, RuleSpec spec, String description,
            Instant now) {
        this.id = id;
        this.securityGroupId = securityGroupId;
        this.projectId = projectId;
        this.direction = spec.direction();
        this.ethertype = spec.ethertype();
        this.protocol = spec.protocol();
        this.portRangeMin = spec.portMin();
        this.portRangeMax = spec.portMax();
        this.remoteIpPrefix = spec.remoteIpPrefix();
        this.remoteGroupId = spec.remoteGroupId();
        this.description = description;
        this.fingerprint = spec.fingerprint();
        this.createdAt = now;
        this.updatedAt = now;
        this.revision = 0;
    }

    public RuleSpec spec() {
        return new RuleSpec(direction, ethertype, protocol, portRangeMin, portRangeMax, remoteIpPrefix, remoteGroupId);
    }

    @Override
    public String getId() {
        return id;
    }

    public String id() { return id; }
    public String securityGroupId() { return securityGroupId; }
    public String projectId() { return projectId; }
    public String description() { return description; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long revision() { return revision; }
}
