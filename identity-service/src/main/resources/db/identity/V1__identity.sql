-- Keystone v3 resources. Ids are 32-hex UUIDs as Keystone's; "default" is the bootstrap domain's id.
CREATE TABLE domains (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    description TEXT         NULL,
    enabled     BOOLEAN      NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_domains_name UNIQUE (name)
);

CREATE TABLE projects (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    domain_id   VARCHAR(64)  NOT NULL,
    parent_id   VARCHAR(64)  NULL,
    description TEXT         NULL,
    enabled     BOOLEAN      NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_projects_domain_name UNIQUE (domain_id, name),
    CONSTRAINT fk_projects_domain FOREIGN KEY (domain_id) REFERENCES domains (id)
);

CREATE TABLE project_tags (
    project_id VARCHAR(64)  NOT NULL,
    tag        VARCHAR(255) NOT NULL,
    PRIMARY KEY (project_id, tag),
    CONSTRAINT fk_project_tags_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
);

CREATE TABLE users (
    id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                VARCHAR(255) NOT NULL,
    domain_id           VARCHAR(64)  NOT NULL,
    default_project_id  VARCHAR(64)  NULL,
    description         TEXT         NULL,
    email               VARCHAR(255) NULL,
    enabled             BOOLEAN      NOT NULL,
    password_hash       VARCHAR(255) NULL,
    password_changed_at DATETIME(6)  NULL,
    failed_logins       INT          NOT NULL DEFAULT 0,
    locked_until        DATETIME(6)  NULL,
    created_at          DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_users_domain_name UNIQUE (domain_id, name),
    CONSTRAINT fk_users_domain FOREIGN KEY (domain_id) REFERENCES domains (id)
);

CREATE TABLE user_groups (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    domain_id   VARCHAR(64)  NOT NULL,
    description TEXT         NULL,
    CONSTRAINT uq_user_groups_domain_name UNIQUE (domain_id, name),
    CONSTRAINT fk_user_groups_domain FOREIGN KEY (domain_id) REFERENCES domains (id)
);

CREATE TABLE group_members (
    group_id VARCHAR(64) NOT NULL,
    user_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (group_id, user_id),
    CONSTRAINT fk_group_members_group FOREIGN KEY (group_id) REFERENCES user_groups (id) ON DELETE CASCADE,
    CONSTRAINT fk_group_members_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE roles (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    description TEXT         NULL,
    CONSTRAINT uq_roles_name UNIQUE (name)
);

-- admin implies member implies reader, as keystone-manage bootstrap sets up.
CREATE TABLE implied_roles (
    prior_role_id   VARCHAR(64) NOT NULL,
    implied_role_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (prior_role_id, implied_role_id),
    CONSTRAINT fk_implied_prior FOREIGN KEY (prior_role_id) REFERENCES roles (id) ON DELETE CASCADE,
    CONSTRAINT fk_implied_implied FOREIGN KEY (implied_role_id) REFERENCES roles (id) ON DELETE CASCADE
);

-- actor_type: user|group; target_type: project|domain|system (target_id "all" for the system).
CREATE TABLE role_assignments (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    actor_type  VARCHAR(16)  NOT NULL,
    actor_id    VARCHAR(64)  NOT NULL,
    target_type VARCHAR(16)  NOT NULL,
    target_id   VARCHAR(64)  NOT NULL,
    role_id     VARCHAR(64)  NOT NULL,
    CONSTRAINT uq_role_assignments UNIQUE (actor_type, actor_id, target_type, target_id, role_id),
    CONSTRAINT fk_role_assignments_role FOREIGN KEY (role_id) REFERENCES roles (id)
);
CREATE INDEX ix_role_assignments_target ON role_assignments (target_type, target_id);

CREATE TABLE regions (
    id               VARCHAR(255) NOT NULL PRIMARY KEY,
    description      TEXT         NULL,
    parent_region_id VARCHAR(255) NULL
);

CREATE TABLE services (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    type        VARCHAR(255) NOT NULL,
    name        VARCHAR(255) NULL,
    description TEXT         NULL,
    enabled     BOOLEAN      NOT NULL
);

CREATE TABLE endpoints (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    service_id VARCHAR(64)  NOT NULL,
    interface  VARCHAR(8)   NOT NULL,
    region_id  VARCHAR(255) NULL,
    url        TEXT         NOT NULL,
    enabled    BOOLEAN      NOT NULL,
    CONSTRAINT fk_endpoints_service FOREIGN KEY (service_id) REFERENCES services (id) ON DELETE CASCADE,
    CONSTRAINT fk_endpoints_region FOREIGN KEY (region_id) REFERENCES regions (id)
);

CREATE TABLE application_credentials (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    user_id      VARCHAR(64)  NOT NULL,
    project_id   VARCHAR(64)  NOT NULL,
    description  TEXT         NULL,
    secret_hash  VARCHAR(255) NOT NULL,
    expires_at   DATETIME(6)  NULL,
    unrestricted BOOLEAN      NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uq_app_creds_user_name UNIQUE (user_id, name),
    CONSTRAINT fk_app_creds_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE application_credential_roles (
    application_credential_id VARCHAR(64) NOT NULL,
    role_id                   VARCHAR(64) NOT NULL,
    PRIMARY KEY (application_credential_id, role_id),
    CONSTRAINT fk_app_cred_roles_cred FOREIGN KEY (application_credential_id)
        REFERENCES application_credentials (id) ON DELETE CASCADE
);

-- region_id '' means "all regions" so that the uniqueness constraint also holds without a region.
CREATE TABLE registered_limits (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    service_id    VARCHAR(64)  NOT NULL,
    region_id     VARCHAR(255) NOT NULL,
    resource_name VARCHAR(255) NOT NULL,
    default_limit INT          NOT NULL,
    description   TEXT         NULL,
    CONSTRAINT uq_registered_limits UNIQUE (service_id, region_id, resource_name),
    CONSTRAINT fk_registered_limits_service FOREIGN KEY (service_id) REFERENCES services (id)
);

CREATE TABLE project_limits (
    id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    project_id     VARCHAR(64)  NOT NULL,
    service_id     VARCHAR(64)  NOT NULL,
    region_id      VARCHAR(255) NOT NULL,
    resource_name  VARCHAR(255) NOT NULL,
    resource_limit INT          NOT NULL,
    description    TEXT         NULL,
    CONSTRAINT uq_project_limits UNIQUE (project_id, service_id, region_id, resource_name),
    CONSTRAINT fk_project_limits_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_limits_service FOREIGN KEY (service_id) REFERENCES services (id)
);

CREATE TABLE audit_events (
    seq              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id               VARCHAR(64)  NOT NULL,
    occurred_at      DATETIME(6)  NOT NULL,
    service          VARCHAR(64)  NOT NULL,
    action           VARCHAR(255) NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    status           INT          NOT NULL,
    actor_user_id    VARCHAR(255) NULL,
    actor_project_id VARCHAR(64)  NULL,
    credential       VARCHAR(128) NULL,
    target_type      VARCHAR(64)  NULL,
    target_id        VARCHAR(255) NULL,
    request_id       VARCHAR(64)  NULL,
    remote_address   VARCHAR(64)  NULL,
    detail           TEXT         NULL,
    CONSTRAINT uq_audit_events_id UNIQUE (id)
);
CREATE INDEX ix_audit_events_time ON audit_events (occurred_at);
CREATE INDEX ix_audit_events_actor ON audit_events (actor_user_id);

CREATE TABLE revocation_events (
    id                        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    audit_id                  VARCHAR(64)  NULL,
    user_id                   VARCHAR(64)  NULL,
    project_id                VARCHAR(64)  NULL,
    domain_id                 VARCHAR(64)  NULL,
    application_credential_id VARCHAR(64)  NULL,
    issued_before             DATETIME(6)  NOT NULL,
    revoked_at                DATETIME(6)  NOT NULL
);
CREATE INDEX ix_revocation_events_issued ON revocation_events (issued_before);

CREATE TABLE signing_keys (
    kid         VARCHAR(64) NOT NULL PRIMARY KEY,
    private_key TEXT        NOT NULL,
    public_key  TEXT        NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    active      BOOLEAN     NOT NULL
);
