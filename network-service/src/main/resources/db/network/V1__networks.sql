-- Neutron v2.0 networks, subnets, ports and IPAM.
CREATE TABLE networks (
    id                    VARCHAR(36)  NOT NULL PRIMARY KEY,
    name                  VARCHAR(255) NOT NULL,
    description           VARCHAR(255) NOT NULL,
    project_id            VARCHAR(64)  NOT NULL,
    admin_state_up        BOOLEAN      NOT NULL,
    shared                BOOLEAN      NOT NULL,
    router_external       BOOLEAN      NOT NULL,
    port_security_enabled BOOLEAN      NOT NULL,
    mtu                   INT          NOT NULL,
    status                VARCHAR(16)  NOT NULL,
    network_type          VARCHAR(16)  NOT NULL,
    physical_network      VARCHAR(64)  NULL,
    segmentation_id       BIGINT       NULL,
    created_at            DATETIME(6)  NOT NULL,
    updated_at            DATETIME(6)  NOT NULL,
    revision_number       BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX ix_networks_project ON networks (project_id);

-- a segment (type, physical network, id) belongs to at most one network in the deployment
CREATE TABLE network_segments (
    network_type     VARCHAR(16) NOT NULL,
    physical_network VARCHAR(64) NOT NULL,
    segmentation_id  BIGINT      NOT NULL,
    network_id       VARCHAR(36) NOT NULL,
    PRIMARY KEY (network_type, physical_network, segmentation_id),
    CONSTRAINT fk_network_segments_network FOREIGN KEY (network_id) REFERENCES networks (id) ON DELETE CASCADE
);

CREATE TABLE subnets (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    network_id      VARCHAR(36)  NOT NULL,
    project_id      VARCHAR(64)  NOT NULL,
    name            VARCHAR(255) NOT NULL,
    description     VARCHAR(255) NOT NULL,
    ip_version      INT          NOT NULL,
    cidr            VARCHAR(64)  NOT NULL,
    gateway_ip      VARCHAR(64)  NULL,
    enable_dhcp     BOOLEAN      NOT NULL,
    dns_nameservers TEXT         NOT NULL,
    host_routes     TEXT         NOT NULL,
    allocation_pools TEXT        NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    revision_number BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_subnets_network FOREIGN KEY (network_id) REFERENCES networks (id)
);
CREATE INDEX ix_subnets_network ON subnets (network_id);

-- the free addresses of each subnet, as ranges: an allocation takes the first address of the lowest
-- range (one indexed row, however full the subnet is)
CREATE TABLE ip_availability (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    subnet_id  VARCHAR(36) NOT NULL,
    first_ip   BIGINT      NOT NULL,
    last_ip    BIGINT      NOT NULL,
    CONSTRAINT fk_ip_availability_subnet FOREIGN KEY (subnet_id) REFERENCES subnets (id) ON DELETE CASCADE
);
CREATE INDEX ix_ip_availability_subnet_first ON ip_availability (subnet_id, first_ip);

CREATE TABLE ports (
    id                    VARCHAR(36)  NOT NULL PRIMARY KEY,
    network_id            VARCHAR(36)  NOT NULL,
    project_id            VARCHAR(64)  NOT NULL,
    name                  VARCHAR(255) NOT NULL,
    description           VARCHAR(255) NOT NULL,
    -- unique across the deployment: two ports with one MAC are impossible
    mac_address           VARCHAR(17)  NOT NULL,
    admin_state_up        BOOLEAN      NOT NULL,
    status                VARCHAR(16)  NOT NULL,
    device_id             VARCHAR(255) NOT NULL,
    device_owner          VARCHAR(255) NOT NULL,
    binding_host_id       VARCHAR(255) NOT NULL,
    port_security_enabled BOOLEAN      NOT NULL,
    created_at            DATETIME(6)  NOT NULL,
    updated_at            DATETIME(6)  NOT NULL,
    revision_number       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_ports_mac UNIQUE (mac_address),
    CONSTRAINT fk_ports_network FOREIGN KEY (network_id) REFERENCES networks (id)
);
CREATE INDEX ix_ports_network ON ports (network_id);
CREATE INDEX ix_ports_project ON ports (project_id);
CREATE INDEX ix_ports_device ON ports (device_id);

-- an address is held by at most one port
CREATE TABLE ip_allocations (
    subnet_id  VARCHAR(36) NOT NULL,
    ip_address BIGINT      NOT NULL,
    port_id    VARCHAR(36) NOT NULL,
    network_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (subnet_id, ip_address),
    CONSTRAINT fk_ip_allocations_port FOREIGN KEY (port_id) REFERENCES ports (id) ON DELETE CASCADE,
    CONSTRAINT fk_ip_allocations_subnet FOREIGN KEY (subnet_id) REFERENCES subnets (id)
);
CREATE INDEX ix_ip_allocations_port ON ip_allocations (port_id);
