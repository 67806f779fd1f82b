-- Security groups and rules. A project has at most one default group (the unique marker column is
-- 1 for it and NULL for every other group); a rule exists at most once per group (its fingerprint).
CREATE TABLE security_groups (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id      VARCHAR(64)  NOT NULL,
    name            VARCHAR(255) NOT NULL,
    description     VARCHAR(255) NOT NULL,
    default_marker  INT          NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    revision_number BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_security_groups_default UNIQUE (project_id, default_marker)
);
CREATE INDEX ix_security_groups_project ON security_groups (project_id);

CREATE TABLE security_group_rules (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    security_group_id VARCHAR(36)  NOT NULL,
    project_id        VARCHAR(64)  NOT NULL,
    direction         VARCHAR(8)   NOT NULL,
    ethertype         VARCHAR(8)   NOT NULL,
    protocol          VARCHAR(16)  NULL,
    port_range_min    INT          NULL,
    port_range_max    INT          NULL,
    remote_ip_prefix  VARCHAR(64)  NULL,
    remote_group_id   VARCHAR(36)  NULL,
    description       VARCHAR(255) NOT NULL,
    fingerprint       VARCHAR(255) NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    revision_number   BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_security_group_rules UNIQUE (security_group_id, fingerprint),
    CONSTRAINT fk_security_group_rules_group FOREIGN KEY (security_group_id) REFERENCES security_groups (id)
        ON DELETE CASCADE
);
CREATE INDEX ix_security_group_rules_project ON security_group_rules (project_id);

CREATE TABLE port_security_groups (
    port_id           VARCHAR(36) NOT NULL,
    security_group_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (port_id, security_group_id),
    CONSTRAINT fk_port_security_groups_port FOREIGN KEY (port_id) REFERENCES ports (id) ON DELETE CASCADE,
    CONSTRAINT fk_port_security_groups_group FOREIGN KEY (security_group_id) REFERENCES security_groups (id)
);
CREATE INDEX ix_port_security_groups_group ON port_security_groups (security_group_id);
