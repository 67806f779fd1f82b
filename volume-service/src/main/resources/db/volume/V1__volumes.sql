-- Volume types, volumes, their attachments and snapshots, the storage pools hosts announce, and the
-- per-project rows that serialize quota claims.
CREATE TABLE volume_types (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    description VARCHAR(255) NULL,
    is_public   BOOLEAN      NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_volume_types_name UNIQUE (name)
);

CREATE TABLE volume_type_extra_specs (
    type_id    VARCHAR(36)  NOT NULL,
    spec_key   VARCHAR(255) NOT NULL,
    spec_value VARCHAR(255) NOT NULL,
    PRIMARY KEY (type_id, spec_key)
);

CREATE TABLE volumes (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id        VARCHAR(64)  NOT NULL,
    user_id           VARCHAR(64)  NOT NULL,
    name              VARCHAR(255) NULL,
    description       VARCHAR(255) NULL,
    size_gb           INT          NOT NULL,
    -- while extending: the size asked for, counted against the quota until the host answers
    extend_to_gb      INT          NULL,
    status            VARCHAR(32)  NOT NULL,
    volume_type_id    VARCHAR(36)  NOT NULL,
    availability_zone VARCHAR(255) NOT NULL,
    bootable          BOOLEAN      NOT NULL,
    snapshot_id       VARCHAR(36)  NULL,
    source_volid      VARCHAR(36)  NULL,
    image_id          VARCHAR(64)  NULL,
    host              VARCHAR(255) NULL,
    backend           VARCHAR(255) NULL,
    location          VARCHAR(1024) NULL,
    failure           VARCHAR(1024) NULL,
    task_deadline     DATETIME(6)  NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NULL,
    version           BIGINT       NOT NULL
);
CREATE INDEX ix_volumes_project ON volumes (project_id, created_at);
CREATE INDEX ix_volumes_deadline ON volumes (task_deadline);

CREATE TABLE volume_metadata (
    volume_id  VARCHAR(36)  NOT NULL,
    meta_key   VARCHAR(255) NOT NULL,
    meta_value VARCHAR(255) NOT NULL,
    PRIMARY KEY (volume_id, meta_key)
);

CREATE TABLE volume_attachments (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    volume_id   VARCHAR(36)  NOT NULL,
    server_id   VARCHAR(36)  NULL,
    host_name   VARCHAR(255) NULL,
    mountpoint  VARCHAR(255) NOT NULL,
    attach_mode VARCHAR(8)   NOT NULL,
    attached_at DATETIME(6)  NOT NULL
);
CREATE INDEX ix_volume_attachments_volume ON volume_attachments (volume_id);

CREATE TABLE snapshots (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id    VARCHAR(64)  NOT NULL,
    user_id       VARCHAR(64)  NOT NULL,
    volume_id     VARCHAR(36)  NOT NULL,
    name          VARCHAR(255) NULL,
    description   VARCHAR(255) NULL,
    size_gb       INT          NOT NULL,
    status        VARCHAR(32)  NOT NULL,
    -- where the snapshot is kept: its volume's pool when it was taken (the volume may go first)
    host          VARCHAR(255) NOT NULL,
    backend       VARCHAR(255) NOT NULL,
    failure       VARCHAR(1024) NULL,
    task_deadline DATETIME(6)  NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NULL,
    version       BIGINT       NOT NULL
);
CREATE INDEX ix_snapshots_project ON snapshots (project_id, created_at);
CREATE INDEX ix_snapshots_volume ON snapshots (volume_id);

CREATE TABLE snapshot_metadata (
    snapshot_id VARCHAR(36)  NOT NULL,
    meta_key    VARCHAR(255) NOT NULL,
    meta_value  VARCHAR(255) NOT NULL,
    PRIMARY KEY (snapshot_id, meta_key)
);

CREATE TABLE storage_pools (
    host              VARCHAR(255) NOT NULL,
    backend           VARCHAR(255) NOT NULL,
    driver            VARCHAR(64)  NOT NULL,
    availability_zone VARCHAR(255) NOT NULL,
    capacity_gb       BIGINT       NOT NULL,
    free_gb           BIGINT       NOT NULL,
    seen_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (host, backend)
);

-- locked (SELECT ... FOR UPDATE) by every volume or snapshot create while it re-checks the project's
-- quota, so concurrent creates cannot together overrun it
CREATE TABLE project_quota_locks (
    project_id VARCHAR(64) NOT NULL PRIMARY KEY
);
