-- Transactional outbox and idempotent inbox (io.kumo.common.messaging.jpa), in every service schema.
CREATE TABLE outbox (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    exchange      VARCHAR(128) NOT NULL,
    routing_key   VARCHAR(255) NOT NULL,
    message_type  VARCHAR(128) NOT NULL,
    type_version  INT          NOT NULL,
    payload       TEXT         NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    published_at  DATETIME(6) NULL,
    attempts      INT          NOT NULL DEFAULT 0
);
CREATE INDEX ix_outbox_pending ON outbox (published_at, created_at);

CREATE TABLE inbox (
    id           VARCHAR(255) NOT NULL PRIMARY KEY,
    received_at  DATETIME(6) NOT NULL
);
