-- Servers with their build workflow state, the ports they own, metadata and instance actions.
CREATE TABLE servers (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id         VARCHAR(64)  NOT NULL,
    user_id            VARCHAR(64)  NOT NULL,
    name               VARCHAR(255) NOT NULL,
    hostname           VARCHAR(255) NOT NULL,
    flavor             TEXT         NOT NULL,
    image_id           VARCHAR(64)  NOT NULL,
    hypervisor_type    VARCHAR(32)  NULL,
    key_name           VARCHAR(255) NULL,
    key_data           TEXT         NULL,
    user_data          MEDIUMTEXT   NULL,
    config_drive       BOOLEAN      NOT NULL,
    availability_zone  VARCHAR(255) NULL,
    launch_index       INT          NOT NULL,
    reservation_id     VARCHAR(64)  NOT NULL,
    vm_state           VARCHAR(16)  NOT NULL,
    task_state         VARCHAR(32)  NULL,
    power_state        INT          NOT NULL,
    host               VARCHAR(255) NULL,
    provider_uuid      VARCHAR(36)  NULL,
    build_attempt      INT          NOT NULL,
    build_deadline     DATETIME(6)  NULL,
    request_id         VARCHAR(64)  NULL,
    fault_code         INT          NULL,
    fault_message      VARCHAR(255) NULL,
    fault_details      TEXT         NULL,
    fault_created      DATETIME(6)  NULL,
    created_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    launched_at        DATETIME(6)  NULL,
    terminated_at      DATETIME(6)  NULL,
    deleted            BOOLEAN      NOT NULL,
    version            BIGINT       NOT NULL
);
CREATE INDEX ix_servers_project ON servers (project_id, deleted);
CREATE INDEX ix_servers_build ON servers (vm_state, build_deadline);

CREATE TABLE server_ports (
    server_id    VARCHAR(36)  NOT NULL,
    port_id      VARCHAR(36)  NOT NULL,
    network_id   VARCHAR(36)  NOT NULL,
    network_name VARCHAR(255) NOT NULL,
    mac_address  VARCHAR(32)  NOT NULL,
    fixed_ips    TEXT         NOT NULL,
    position     INT          NOT NULL,
    PRIMARY KEY (server_id, port_id)
);

CREATE TABLE server_metadata (
    server_id  VARCHAR(36)  NOT NULL,
    meta_key   VARCHAR(255) NOT NULL,
    meta_value VARCHAR(255) NOT NULL,
    PRIMARY KEY (server_id, meta_key)
);

CREATE TABLE server_security_groups (
    server_id VARCHAR(36)  NOT NULL,
    name      VARCHAR(255) NOT NULL,
    PRIMARY KEY (server_id, name)
);
