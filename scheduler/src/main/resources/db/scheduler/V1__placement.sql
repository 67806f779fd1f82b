-- Placement: resource providers, inventories, traits, aggregates, consumers and allocations.
-- Every change to a provider's inventories, traits, aggregates or allocations bumps its generation
-- (compare-and-set), so two writers never double-book.
CREATE TABLE resource_providers (
    uuid         VARCHAR(36)  NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    generation   INT          NOT NULL,
    parent_uuid  VARCHAR(36)  NULL,
    root_uuid    VARCHAR(36)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uq_resource_providers_name UNIQUE (name)
);
CREATE INDEX ix_resource_providers_updated ON resource_providers (updated_at);
CREATE INDEX ix_resource_providers_parent ON resource_providers (parent_uuid);

CREATE TABLE inventories (
    provider_uuid    VARCHAR(36)  NOT NULL,
    resource_class   VARCHAR(255) NOT NULL,
    total            INT          NOT NULL,
    reserved         INT          NOT NULL,
    min_unit         INT          NOT NULL,
    max_unit         INT          NOT NULL,
    step_size        INT          NOT NULL,
    allocation_ratio DOUBLE       NOT NULL,
    PRIMARY KEY (provider_uuid, resource_class),
    CONSTRAINT fk_inventories_provider FOREIGN KEY (provider_uuid) REFERENCES resource_providers (uuid) ON DELETE CASCADE
);

-- only custom classes and traits are stored; the standard ones are part of the code
CREATE TABLE custom_resource_classes (
    name        VARCHAR(255) NOT NULL PRIMARY KEY,
    created_at  DATETIME(6)  NOT NULL
);

CREATE TABLE custom_traits (
    name        VARCHAR(255) NOT NULL PRIMARY KEY,
    created_at  DATETIME(6)  NOT NULL
);

CREATE TABLE provider_traits (
    provider_uuid VARCHAR(36)  NOT NULL,
    trait         VARCHAR(255) NOT NULL,
    PRIMARY KEY (provider_uuid, trait),
    CONSTRAINT fk_provider_traits_provider FOREIGN KEY (provider_uuid) REFERENCES resource_providers (uuid) ON DELETE CASCADE
);
CREATE INDEX ix_provider_traits_trait ON provider_traits (trait);

CREATE TABLE provider_aggregates (
    provider_uuid  VARCHAR(36) NOT NULL,
    aggregate_uuid VARCHAR(36) NOT NULL,
    PRIMARY KEY (provider_uuid, aggregate_uuid),
    CONSTRAINT fk_provider_aggregates_provider FOREIGN KEY (provider_uuid) REFERENCES resource_providers (uuid) ON DELETE CASCADE
);
CREATE INDEX ix_provider_aggregates_aggregate ON provider_aggregates (aggregate_uuid);

CREATE TABLE consumers (
    uuid        VARCHAR(36) NOT NULL PRIMARY KEY,
    project_id  VARCHAR(64) NOT NULL,
    user_id     VARCHAR(64) NOT NULL,
    generation  INT         NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL
);
CREATE INDEX ix_consumers_project ON consumers (project_id, user_id);

CREATE TABLE allocations (
    consumer_uuid  VARCHAR(36)  NOT NULL,
    provider_uuid  VARCHAR(36)  NOT NULL,
    resource_class VARCHAR(255) NOT NULL,
    used           INT          NOT NULL,
    PRIMARY KEY (consumer_uuid, provider_uuid, resource_class),
    CONSTRAINT fk_allocations_consumer FOREIGN KEY (consumer_uuid) REFERENCES consumers (uuid) ON DELETE CASCADE,
    CONSTRAINT fk_allocations_provider FOREIGN KEY (provider_uuid) REFERENCES resource_providers (uuid)
);
CREATE INDEX ix_allocations_provider ON allocations (provider_uuid, resource_class);
