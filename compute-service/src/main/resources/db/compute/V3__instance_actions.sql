-- Who did what to a server, when, under which request id, and how each step went (os-instance-actions).
CREATE TABLE instance_actions (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    server_id   VARCHAR(36)  NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    request_id  VARCHAR(64)  NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    project_id  VARCHAR(64)  NOT NULL,
    message     VARCHAR(255) NULL,
    start_time  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    UNIQUE KEY ux_instance_actions_request (server_id, request_id)
);

CREATE TABLE instance_action_events (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    action_id   BIGINT       NOT NULL,
    event       VARCHAR(64)  NOT NULL,
    host        VARCHAR(255) NULL,
    start_time  DATETIME(6)  NOT NULL,
    finish_time DATETIME(6)  NULL,
    result      VARCHAR(16)  NULL,
    traceback   TEXT         NULL,
    CONSTRAINT fk_action_events_action FOREIGN KEY (action_id) REFERENCES instance_actions (id),
    INDEX ix_action_events_action (action_id, event)
);
