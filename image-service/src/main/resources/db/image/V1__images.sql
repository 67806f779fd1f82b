-- Glance v2 images. Rows of deleted images are removed (the audit ledger keeps their history);
-- extra properties, tags and members live in their own tables so that lists can filter on them.
CREATE TABLE images (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    name             VARCHAR(255)  NULL,
    owner            VARCHAR(64)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    visibility       VARCHAR(16)   NOT NULL,
    is_protected     BOOLEAN       NOT NULL,
    os_hidden        BOOLEAN       NOT NULL,
    disk_format      VARCHAR(16)   NULL,
    container_format VARCHAR(16)   NULL,
    min_ram          INT           NOT NULL,
    min_disk         INT           NOT NULL,
    size             BIGINT        NULL,
    virtual_size     BIGINT        NULL,
    checksum         VARCHAR(32)   NULL,
    os_hash_algo     VARCHAR(64)   NULL,
    os_hash_value    VARCHAR(128)  NULL,
    store_id         VARCHAR(32)   NULL,
    location         VARCHAR(1024) NULL,
    -- the upload in progress (status saving): who owns it, the bytes it reserves against the quota,
    -- and when it last made progress (a stale one is reset to queued)
    upload_id        VARCHAR(36)   NULL,
    upload_reserved  BIGINT        NULL,
    upload_heartbeat DATETIME(6)   NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX ix_images_owner_created ON images (owner, created_at, id);
CREATE INDEX ix_images_visibility_created ON images (visibility, created_at, id);
CREATE INDEX ix_images_created ON images (created_at, id);
CREATE INDEX ix_images_status ON images (status);
CREATE INDEX ix_images_name ON images (name);

CREATE TABLE image_properties (
    image_id   VARCHAR(36)  NOT NULL,
    prop_name  VARCHAR(255) NOT NULL,
    prop_value TEXT         NOT NULL,
    PRIMARY KEY (image_id, prop_name),
    CONSTRAINT fk_image_properties_image FOREIGN KEY (image_id) REFERENCES images (id) ON DELETE CASCADE
);

CREATE TABLE image_tags (
    image_id VARCHAR(36)  NOT NULL,
    tag      VARCHAR(255) NOT NULL,
    PRIMARY KEY (image_id, tag),
    CONSTRAINT fk_image_tags_image FOREIGN KEY (image_id) REFERENCES images (id) ON DELETE CASCADE
);
CREATE INDEX ix_image_tags_tag ON image_tags (tag);

CREATE TABLE image_members (
    image_id   VARCHAR(36) NOT NULL,
    member_id  VARCHAR(64) NOT NULL,
    status     VARCHAR(16) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (image_id, member_id),
    CONSTRAINT fk_image_members_image FOREIGN KEY (image_id) REFERENCES images (id) ON DELETE CASCADE
);
CREATE INDEX ix_image_members_member ON image_members (member_id, status);
