-- Server groups (affinity / anti-affinity) and their members; a deleted server leaves its group (the
-- members are read joined with servers that are not deleted).
CREATE TABLE server_groups (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id VARCHAR(64)  NOT NULL,
    user_id    VARCHAR(64)  NOT NULL,
    name       VARCHAR(255) NOT NULL,
    policy     VARCHAR(32)  NOT NULL,
    created_at DATETIME(6)  NOT NULL
);
CREATE INDEX ix_server_groups_project ON server_groups (project_id);

CREATE TABLE server_group_members (
    group_id  VARCHAR(36) NOT NULL,
    server_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (group_id, server_id),
    UNIQUE KEY ux_server_group_members_server (server_id)
);
