-- The volumes attached to servers (Nova's block device mappings of source volume): one row per attached
-- volume, from the attach request until the host has detached it and volume-service has been told. A row
-- whose server is deleted is one whose detach in volume-service is still owed (retried until it is done).
CREATE TABLE volume_attachments (
    volume_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
    server_id  VARCHAR(36)  NOT NULL,
    project_id VARCHAR(64)  NOT NULL,
    device     VARCHAR(255) NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    request_id VARCHAR(64)  NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    CONSTRAINT uq_volume_attachments_device UNIQUE (server_id, device)
);
