-- The hosts agents announced, what operators said about them, and why each server went where it went.
CREATE TABLE hosts (
    name              VARCHAR(200) NOT NULL PRIMARY KEY,
    provider_uuid     VARCHAR(36)  NOT NULL,
    availability_zone VARCHAR(255) NOT NULL,
    driver            VARCHAR(64)  NOT NULL,
    disabled          BOOLEAN      NOT NULL,
    disabled_reason   VARCHAR(255) NULL,
    forced_down       BOOLEAN      NOT NULL,
    last_heartbeat    DATETIME(6)  NULL,
    build_failures    INT          NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    CONSTRAINT uq_hosts_provider UNIQUE (provider_uuid)
);
CREATE INDEX ix_hosts_updated ON hosts (updated_at);

-- Nova's host aggregate metadata (aggregate_instance_extra_specs match against it)
CREATE TABLE aggregate_metadata (
    aggregate_uuid VARCHAR(36)  NOT NULL,
    meta_key       VARCHAR(255) NOT NULL,
    meta_value     VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_uuid, meta_key)
);

-- one row per server group: claims for members of a hard (anti-)affinity group lock it, so two
-- schedulers cannot both put members on hosts that break the policy
CREATE TABLE server_group_claims (
    group_uuid VARCHAR(36) NOT NULL PRIMARY KEY
);

CREATE TABLE scheduling_decisions (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    consumer_uuid VARCHAR(36)  NOT NULL,
    attempt       INT          NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    host          VARCHAR(200) NULL,
    summary       VARCHAR(1024) NOT NULL,
    body          MEDIUMTEXT   NOT NULL,
    created_at    DATETIME(6)  NOT NULL
);
CREATE INDEX ix_scheduling_decisions_consumer ON scheduling_decisions (consumer_uuid, id);
CREATE INDEX ix_scheduling_decisions_created ON scheduling_decisions (created_at);
