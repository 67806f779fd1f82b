-- Nova's API database part: flavors with extra specs and project access, key pairs, and stable
-- integer ids for the compute hosts the scheduler knows (os-services and os-hypervisors show integers).
CREATE TABLE flavors (
    id           VARCHAR(255) NOT NULL PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    vcpus        INT          NOT NULL,
    ram_mb       INT          NOT NULL,
    root_gb      INT          NOT NULL,
    ephemeral_gb INT          NOT NULL,
    swap_mb      INT          NOT NULL,
    rxtx_factor  DOUBLE       NOT NULL,
    is_public    BOOLEAN      NOT NULL,
    disabled     BOOLEAN      NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uq_flavors_name UNIQUE (name)
);

CREATE TABLE flavor_extra_specs (
    flavor_id  VARCHAR(255) NOT NULL,
    spec_key   VARCHAR(255) NOT NULL,
    spec_value VARCHAR(255) NOT NULL,
    PRIMARY KEY (flavor_id, spec_key),
    CONSTRAINT fk_extra_specs_flavor FOREIGN KEY (flavor_id) REFERENCES flavors (id) ON DELETE CASCADE
);

CREATE TABLE flavor_projects (
    flavor_id  VARCHAR(255) NOT NULL,
    project_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (flavor_id, project_id),
    CONSTRAINT fk_flavor_projects_flavor FOREIGN KEY (flavor_id) REFERENCES flavors (id) ON DELETE CASCADE
);

CREATE TABLE key_pairs (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id     VARCHAR(64)  NOT NULL,
    project_id  VARCHAR(64)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    public_key  TEXT         NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL,
    key_type    VARCHAR(16)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_key_pairs_user_name UNIQUE (user_id, name)
);

CREATE TABLE compute_hosts (
    id   INT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    CONSTRAINT uq_compute_hosts_name UNIQUE (name)
);
